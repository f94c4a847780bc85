//! The character classes Chinese typesetting cares about: punctuation that may not start or end
//! a line (kinsoku), quotes that UAX #14 (before Unicode 15.1) glues to their neighbours, and the
//! digits and separators that make up one number.

/// Punctuation that must not begin a line: closing brackets and quotes, pauses and stops,
/// ellipses and postfix units, in their CJK, full-width and ASCII forms.
pub(super) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '〞'
            | '〟'
            | '］'
            | '｝'
            | '｠'
            | '．'
            | '｡'
            | '､'
            | '｣'
            | '…'
            | '‥'
            | '%'
            | '％'
            | '‰'
            | '‱'
            | '·'
            | '・'
            | '〃'
            | '々'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
    )
}

/// Punctuation that must not end a line: opening brackets and quotes.
pub(super) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '「'
            | '『'
            | '“'
            | '‘'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '〝'
            | '［'
            | '｛'
            | '｟'
            | '｢'
            | '('
            | '['
            | '{'
    )
}

/// Opening quotes of the kind Unicode 15.1 (LB19a) lets break before when an East Asian
/// character precedes; unicode-linebreak implements Unicode 15.0, which never breaks there.
pub(super) fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘')
}

/// Closing quotes that LB19a lets break after when an East Asian character follows.
pub(super) fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’')
}

/// An ASCII or full-width decimal digit.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A character that joins two digits into one number: decimal point, thousands separator,
/// ratio colon, range dash or tilde, fraction slash, the plus of `1+2+N` names.
pub(super) fn is_number_separator(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ':' | '-' | '–' | '—' | '/' | '~' | '～' | '．' | '：' | '+'
    )
}

/// Whether a break between `before` and `after` (adjacent characters, `before_before` preceding
/// `before` and `after_after` following `after`) would split a number such as `283.1`, `1,234`,
/// `24:34.6:41.4` or `2021-2025`.
pub(super) fn splits_number(
    before_before: Option<char>,
    before: char,
    after: char,
    after_after: Option<char>,
) -> bool {
    (is_digit(before) && is_digit(after))
        || (is_digit(before) && is_number_separator(after) && after_after.is_some_and(is_digit))
        || (is_number_separator(before) && before_before.is_some_and(is_digit) && is_digit(after))
}
