//! The organization's look: its colour, turned into the interface's colour
//! tokens for light and dark mode with readable contrast (WCAG AA, 4.5:1),
//! and its logo (PNG, JPEG or WebP, recognized by content; never SVG, which
//! can carry scripts).

use crate::error::{DomainError, DomainResult};

/// Largest logo accepted, in bytes.
pub const MAX_LOGO_BYTES: usize = 256 * 1024;
/// The contrast every text colour must reach (WCAG AA, normal text).
pub const MIN_CONTRAST: f64 = 4.5;

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

const WHITE: Rgb = Rgb(255, 255, 255);
const BLACK: Rgb = Rgb(0, 0, 0);
/// The page background in light mode and the surface in dark mode
/// (style.css `--bg` and `--surface`).
const LIGHT_BG: Rgb = Rgb(0xf6, 0xf7, 0xf5);
const DARK_SURFACE: Rgb = Rgb(0x1a, 0x20, 0x1d);

impl Rgb {
    /// `#rrggbb` (or `rrggbb`), case-insensitive.
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.trim().strip_prefix('#').unwrap_or(s.trim());
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `self` moved towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// The contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The colour tokens of one mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    pub brand: Rgb,
    pub brand_ink: Rgb,
    pub brand_soft: Rgb,
    pub brand_strong: Rgb,
    pub link: Rgb,
}

/// The tokens for light and dark mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub light: Tokens,
    pub dark: Tokens,
}

/// The first colour on the way from `from` to `to` that reaches the
/// contrast `min` against `against`.
fn until_readable(from: Rgb, to: Rgb, against: Rgb, min: f64) -> Rgb {
    (0..=20)
        .map(|i| from.mix(to, f64::from(i) / 20.0))
        .find(|c| contrast(*c, against) >= min)
        .unwrap_or(to)
}

/// The tokens for an organization colour that passed [`check_color`]:
/// white text on it in light mode, a lighter shade with dark text in dark
/// mode, links readable on each mode's background.
pub fn palette(color: Rgb) -> Palette {
    let light = Tokens {
        brand: color,
        brand_ink: WHITE,
        brand_soft: color.mix(WHITE, 0.88),
        brand_strong: color.mix(BLACK, 0.3),
        link: until_readable(color.mix(BLACK, 0.1), BLACK, LIGHT_BG, MIN_CONTRAST),
    };
    let dark_brand = until_readable(color, WHITE, DARK_SURFACE, MIN_CONTRAST);
    let dark = Tokens {
        brand: dark_brand,
        brand_ink: until_readable(color.mix(BLACK, 0.85), BLACK, dark_brand, MIN_CONTRAST),
        brand_soft: color.mix(DARK_SURFACE, 0.78),
        brand_strong: dark_brand.mix(WHITE, 0.4),
        link: dark_brand.mix(WHITE, 0.4),
    };
    Palette { light, dark }
}

/// An organization colour: `#rrggbb`, dark enough for white text on it
/// (buttons, the header) — so at least 4.5:1 against white.
pub fn check_color(s: &str) -> DomainResult<Rgb> {
    let c = Rgb::parse(s).ok_or_else(|| DomainError::invalid("brand_color", "invalid_color"))?;
    if contrast(c, WHITE) < MIN_CONTRAST {
        return Err(DomainError::invalid("brand_color", "color_too_light"));
    }
    Ok(c)
}

/// The image kinds a logo may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoKind {
    Png,
    Jpeg,
    Webp,
}

impl LogoKind {
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Webp => "image/webp",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Webp => "webp",
        }
    }
}

/// Checks a logo: not empty, under [`MAX_LOGO_BYTES`], a PNG, JPEG or WebP
/// image by its content.
pub fn check_logo(bytes: &[u8]) -> DomainResult<LogoKind> {
    if bytes.is_empty() {
        return Err(DomainError::invalid("logo", "required"));
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(DomainError::invalid("logo", "file_too_large"));
    }
    match infer::get(bytes).map(|t| t.mime_type()) {
        Some("image/png") => Ok(LogoKind::Png),
        Some("image/jpeg") => Ok(LogoKind::Jpeg),
        Some("image/webp") => Ok(LogoKind::Webp),
        _ => Err(DomainError::invalid("logo", "image_type")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        assert_eq!(Rgb::parse("#0B6B43"), Some(Rgb(0x0b, 0x6b, 0x43)));
        assert_eq!(Rgb::parse("0b6b43").unwrap().hex(), "#0b6b43");
        for bad in ["", "#fff", "#12345g", "rgb(1,2,3)", "#0b6b43ff", "#٠b6b43"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast(WHITE, BLACK) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn light_colours_are_refused() {
        assert!(check_color("#0b6b43").is_ok());
        assert!(check_color("#c8102e").is_ok()); // a party red
        let e = check_color("#ffd700").unwrap_err();
        assert!(format!("{e:?}").contains("color_too_light"));
        assert!(format!("{:?}", check_color("green").unwrap_err()).contains("invalid_color"));
    }

    #[test]
    fn every_palette_is_readable_in_both_modes() {
        for hex in [
            "#0b6b43", "#c8102e", "#1d4f91", "#5b2a86", "#000000", "#767676", "#8a4b00",
        ] {
            let p = palette(check_color(hex).unwrap());
            assert!(
                contrast(p.light.brand, p.light.brand_ink) >= MIN_CONTRAST,
                "{hex}"
            );
            assert!(contrast(p.light.link, LIGHT_BG) >= MIN_CONTRAST, "{hex}");
            assert!(contrast(p.light.link, WHITE) >= MIN_CONTRAST, "{hex}");
            assert!(
                contrast(p.dark.brand, DARK_SURFACE) >= MIN_CONTRAST,
                "{hex} dark"
            );
            assert!(
                contrast(p.dark.brand, p.dark.brand_ink) >= MIN_CONTRAST,
                "{hex} dark ink"
            );
            assert!(
                contrast(p.dark.link, DARK_SURFACE) >= MIN_CONTRAST,
                "{hex} dark link"
            );
        }
    }

    #[test]
    fn logos_are_images_by_content() {
        let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
        assert_eq!(check_logo(&png).unwrap(), LogoKind::Png);
        let jpeg = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F'];
        assert_eq!(check_logo(&jpeg).unwrap(), LogoKind::Jpeg);
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assert!(format!("{:?}", check_logo(svg).unwrap_err()).contains("image_type"));
        assert!(check_logo(&[]).is_err());
        let big = [png.to_vec(), vec![0; MAX_LOGO_BYTES]].concat();
        assert!(format!("{:?}", check_logo(&big).unwrap_err()).contains("file_too_large"));
    }
}
