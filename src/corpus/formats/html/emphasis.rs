//! What marks a block of a page as a heading: an `<h1>`–`<h6>` element, or text set in bold
//! (`<strong>`, `<b>`, an inline `font-weight` of bold), which is how many sites and Word's
//! saved pages show headings that carry no number.

use scraper::node::Element;

/// The outline level of a heading element (`h1` → 0, `h6` → 5), `None` for any other.
pub fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', digit @ b'1'..=b'6'] => Some(digit - b'1'),
        _ => None,
    }
}

/// Whether an element sets its text in bold: `<strong>`, `<b>`, or a style whose
/// `font-weight` is `bold`, `bolder` or 600 and up. (A style that sets it back to normal
/// inside a bold element is rare enough on report pages to be left aside.)
pub fn is_bold(element: &Element) -> bool {
    matches!(element.name(), "strong" | "b") || element.attr("style").is_some_and(bold_style)
}

/// Whether an inline style's `font-weight` is bold.
fn bold_style(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        if !property.trim().eq_ignore_ascii_case("font-weight") {
            return false;
        }
        let value = value.trim().trim_end_matches("!important").trim();
        value.eq_ignore_ascii_case("bold")
            || value.eq_ignore_ascii_case("bolder")
            || value.parse::<u16>().is_ok_and(|weight| weight >= 600)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels() {
        assert_eq!(heading_level("h1"), Some(0));
        assert_eq!(heading_level("h6"), Some(5));
        assert_eq!(heading_level("h7"), None);
        assert_eq!(heading_level("hr"), None);
        assert_eq!(heading_level("p"), None);
    }

    #[test]
    fn bold_styles() {
        assert!(bold_style("font-weight:bold"));
        assert!(bold_style("text-indent:2em; FONT-WEIGHT: 700"));
        assert!(bold_style("font-weight: bolder !important"));
        assert!(!bold_style("font-weight:normal"));
        assert!(!bold_style("font-weight:400"));
        assert!(!bold_style("font-family:黑体"));
        assert!(!bold_style("font-weight"));
    }
}
