//! The bytes of a file as text: UTF-8 (a byte order mark dropped), or UTF-16 with a byte
//! order mark, which Windows PowerShell 5's `>` and `Out-File` write by default
//! (<https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_character_encoding>).
//! Decoding it is kinder than a refusal: the text is the same YAML.

use super::ImportError;

/// The text of `bytes`, or an error naming the first byte that is not UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, ImportError> {
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes),
        _ => {}
    }
    // A zero byte is UTF-8 but never text (YAML forbids it): UTF-16 without a mark has one in
    // every other place of its ASCII.
    let refuse = |bytes: &[u8], at: usize| {
        let zeros = bytes.iter().take(256).filter(|&&b| b == 0).count();
        ImportError::Encoding { at, utf16: zeros * 4 >= bytes.len().min(256) }
    };
    match String::from_utf8(bytes) {
        Ok(text) => match text.find('\0') {
            Some(at) => Err(refuse(text.as_bytes(), at)),
            None if text.starts_with('\u{feff}') => Ok(text['\u{feff}'.len_utf8()..].to_owned()),
            None => Ok(text),
        },
        Err(error) => Err(refuse(error.as_bytes(), error.utf8_error().valid_up_to())),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        // An odd last byte: not UTF-16, refused below as a lone surrogate would be.
        _ => 0xD800,
    });
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| c.map_err(|_| ImportError::Encoding { at: 2 + 2 * i, utf16: true }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        assert_eq!(decode(utf16le("services:\n  wéb: {}\n")).unwrap(), "services:\n  wéb: {}\n");
        let mut big = vec![0xFE, 0xFF];
        big.extend("a: 1".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(big).unwrap(), "a: 1");
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1".to_vec()).unwrap(), "a: 1");
    }

    #[test]
    fn other_text_is_refused_with_the_byte_and_a_hint() {
        let without_mark = utf16le("services: {}")[2..].to_vec();
        assert!(matches!(decode(without_mark), Err(ImportError::Encoding { at: 1, utf16: true })));
        assert!(matches!(decode(b"a: caf\xE9\n".to_vec()), Err(ImportError::Encoding { at: 6, utf16: false })));
        assert!(matches!(decode(vec![0xFF, 0xFE, 0x61]), Err(ImportError::Encoding { utf16: true, .. })));
    }
}
