//! Reading and writing decimal numbers with little code in the WebAssembly build.
//!
//! `str::parse::<f64>` and `f64`'s `Display` bring the standard library's float conversions
//! into the page's wasm (dec2flt with its table of powers of five, Grisu and Dragon4): about
//! 30 KB for the few numbers the comparison reads in an article (issue 7). In the wasm32
//! build these functions hand the conversion to the browser's own (`parseFloat`,
//! `Number.prototype.toString`), which are correctly rounded and shortest-round-trip as
//! Rust's are; native builds use the standard library. The results are the same: the grammar
//! accepted is Rust's, checked here first, and JavaScript's exponent notation is written out
//! as Rust writes it (`1e-7` as `0.0000001`). `tests` checks the conversion of JavaScript's
//! notation and the two-decimal rounding natively.

/// `s.parse::<f64>().ok()`.
pub fn parse_f64(s: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        let body = s.strip_prefix(['+', '-']).unwrap_or(s);
        let negative = s.starts_with('-');
        let lower = body.to_ascii_lowercase();
        let special = match lower.as_str() {
            "inf" | "infinity" => Some(f64::INFINITY),
            "nan" => Some(f64::NAN),
            _ => None,
        };
        if let Some(v) = special {
            return Some(if negative { -v } else { v });
        }
        if !is_decimal(body) {
            return None;
        }
        // The grammar is JavaScript's too now, so `parseFloat` reads all of `s`.
        Some(js_sys::parse_float(s))
    }
    #[cfg(not(target_arch = "wasm32"))]
    s.parse().ok()
}

/// `Digit+ | Digit+ '.' Digit* | Digit* '.' Digit+`, then an optional `e`/`E`, sign, digits:
/// the number part of Rust's `f64` grammar.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut i = 0;
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// `format!("{v}")` for an `f64`.
pub fn fmt_f64(v: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if v.is_nan() {
            return "NaN".into();
        }
        if v.is_infinite() {
            return if v > 0.0 { "inf" } else { "-inf" }.into();
        }
        let js: String = js_sys::Number::from(v)
            .to_string_with_radix(10)
            .map_or_else(|_| String::new(), String::from);
        plain(&js)
    }
    #[cfg(not(target_arch = "wasm32"))]
    format!("{v}")
}

/// JavaScript's `String(number)` (shortest round trip, exponent notation below 1e-6 and from
/// 1e21 on) as Rust's `Display` writes the same digits: never an exponent; `-0` for negative
/// zero.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
fn plain(js: &str) -> String {
    let (sign, body) = match js.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", js),
    };
    let Some((mantissa, exp)) = body.split_once('e') else {
        return js.to_string();
    };
    let exp: i64 = exp.trim_start_matches('+').parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // The decimal point sits after `point` digits of `digits`.
    let point = int.len() as i64 + exp;
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

/// `format!("{x:.2}")` for `0 <= x < 1e13` (a similarity): the exact value rounded to two
/// decimals, ties to even, as Rust rounds.
pub fn fixed2(x: f32) -> String {
    // Exact: 24 bits of mantissa times 100 fit in an f64's 53.
    let n = (f64::from(x) * 100.0).round_ties_even() as i64;
    format!("{}.{:02}", n / 100, n % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javascript_notation_is_written_as_rust_does() {
        for (js, v) in [
            ("1e-7", 1e-7),
            ("1.2345e-7", 1.2345e-7),
            ("-2.5e-9", -2.5e-9),
            ("1e+21", 1e21),
            ("1.5e+22", 1.5e22),
            ("-1.2345678901234566e+25", -1.2345678901234566e25),
            ("0.5", 0.5),
            ("123.25", 123.25),
        ] {
            assert_eq!(plain(js), format!("{v}"), "{js}");
        }
    }

    #[test]
    fn decimal_grammar_is_rusts() {
        for s in [
            "1", "1.", ".5", "1.5", "1e5", "1E+5", "2.5e-3", "007", "1_000",
        ] {
            assert_eq!(is_decimal(s), s.parse::<f64>().is_ok(), "{s}");
        }
        for s in [
            "", ".", "e5", "1e", "1e+", "1.5.3", "3rd", "1,000", "0x10", " 1",
        ] {
            assert!(!is_decimal(s), "{s}");
            assert!(s.parse::<f64>().is_err(), "{s}");
        }
    }

    #[test]
    fn two_decimals_round_as_rust_does() {
        let mut x: f32 = 0.0;
        while x <= 1.0 {
            assert_eq!(fixed2(x), format!("{x:.2}"));
            x += 0.000_37;
        }
        for x in [0.0f32, 0.125, 0.375, 0.005, 0.015, 0.995, 1.0, 0.4, 0.35] {
            assert_eq!(fixed2(x), format!("{x:.2}"), "{x}");
        }
    }
}
