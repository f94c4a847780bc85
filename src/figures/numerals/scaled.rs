//! Scaling a decimal by a power of ten exactly, as moving its written point does.

use std::fmt::Write;

/// `value × factor` where `factor` is a power of ten (`283.1` × 1e8 → 28310000000 exactly):
/// the decimal point of `value`'s shortest form is moved, so no float noise is added
/// (`283.1 * 1e8` is 28310000000.000004). Any other factor is multiplied.
pub fn scaled(value: f64, factor: f64) -> f64 {
    if factor == 1.0 || !value.is_finite() {
        return value * factor;
    }
    let exponent = factor.log10().round() as i32;
    if 10f64.powi(exponent) != factor {
        return value * factor;
    }
    // A whole number times a power of ten below 2^53 is exact in floating point, and so equal
    // to the decimal product: most figures take this path, with no formatting.
    let product = value * factor;
    if exponent >= 0 && value.fract() == 0.0 && product.abs() < 9_007_199_254_740_992.0 {
        return product;
    }
    // A decimal of few digits (`283.1` = 2831e-1): the digits and the moved point are exact in
    // floating point, so one multiplication or division rounds as reading the moved form does.
    if let Some((digits, decimals)) = short_decimal(value) {
        let power = exponent - decimals;
        if (0..=22).contains(&power) && digits.abs() * 10f64.powi(power) < 9_007_199_254_740_992.0 {
            return digits * 10f64.powi(power);
        }
        if (-22..0).contains(&power) {
            return digits / 10f64.powi(-power);
        }
    }
    by_formatting(value, exponent, product)
}

/// `value` as whole `digits` over `10^decimals`, with the fewest decimals that read back as
/// `value` (its shortest form, as `{:e}` writes it), when that takes at most six decimals and
/// fewer than 16 digits: then no other form with as few decimals reads back as `value`.
fn short_decimal(value: f64) -> Option<(f64, i32)> {
    (0..=6).find_map(|decimals| {
        let power = 10f64.powi(decimals);
        let digits = (value * power).round();
        (digits.abs() < 1e15 && digits / power == value).then_some((digits, decimals))
    })
}

/// [`scaled`] by writing `value`'s shortest form and reading it back with the point moved by
/// `exponent` (`product` where that fails).
fn by_formatting(value: f64, exponent: i32, product: f64) -> f64 {
    let mut text = Buffer::default();
    if write!(text, "{value:e}").is_err() {
        return product;
    }
    let Some((digits, power)) = text.as_str().split_once('e') else {
        return product;
    };
    let Ok(power) = power.parse::<i32>() else {
        return product;
    };
    let mut moved = Buffer::default();
    if write!(moved, "{digits}e{}", power + exponent).is_err() {
        return product;
    }
    moved.as_str().parse().unwrap_or(product)
}

/// A short text written on the stack: [`by_formatting`] formats a number or two for a figure,
/// need no allocation. Writing more than it holds is an error.
struct Buffer {
    bytes: [u8; 64],
    len: usize,
}

impl Default for Buffer {
    fn default() -> Buffer {
        Buffer {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl Buffer {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl std::fmt::Write for Buffer {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_short_decimals_agrees_with_moving_the_written_point() {
        // A fixed stream of decimals of up to seven places, of every size a report writes.
        let mut seed: u64 = 7;
        for _ in 0..200_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let digits = (seed >> 20) % 10u64.pow(1 + (seed % 12) as u32);
            let decimals = ((seed >> 8) % 8) as i32;
            let value = digits as f64 / 10f64.powi(decimals);
            for exponent in [-2, -1, 1, 3, 4, 8, 12, 16] {
                let factor = 10f64.powi(exponent);
                let by_text = by_formatting(value, exponent, value * factor);
                assert_eq!(
                    scaled(value, factor).to_bits(),
                    by_text.to_bits(),
                    "{value} × {factor}"
                );
            }
        }
    }
}
