//! Fuzz the decode_outline target on arbitrary bytes. See `fuzz/run`.
fn main() {
    afl::fuzz!(|data: &[u8]| baogao_fuzz::decode_outline(data));
}
