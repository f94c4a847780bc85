//! Fuzz the numerals target on arbitrary bytes. See `fuzz/run`.
fn main() {
    afl::fuzz!(|data: &[u8]| baogao_fuzz::numerals(data));
}
