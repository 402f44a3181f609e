//! Property test (issue 15, item 8): the attachment sniffer and check never panic on any
//! bytes, including bytes that start like a zip, an Office document, a PDF or an image.

mod fuzz_targets;

use proptest::prelude::*;

fn magic() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        Just(b"PK\x03\x04".to_vec()),
        Just(b"PK\x05\x06".to_vec()),
        Just(b"%PDF-1.7\n".to_vec()),
        Just(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec()),
        Just(b"\x89PNG\r\n\x1a\n".to_vec()),
        Just(b"\xFF\xD8\xFF\xE1".to_vec()),
        Just(b"GIF89a".to_vec()),
        Just(b"MZ".to_vec()),
        Just(b"\x7fELF".to_vec()),
        Just(b"#!/bin/sh\n".to_vec()),
        Just(b"Rar!\x1a\x07\x00".to_vec()),
        Just(b"7z\xBC\xAF\x27\x1C".to_vec()),
        Just(b"\x1f\x8b\x08".to_vec()),
        Just(b"\x00\x00\x00\x18ftypmp42".to_vec()),
    ]
}

fn file_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}\\.(docx|xlsx|pdf|jpg|png|zip|exe|txt|mp4|doc|js)",
        any::<String>(),
        "[a-z]{1,5}\u{202E}(fdp|gpj)\\.exe",
        Just(String::new()),
    ]
}

/// A minimal zip holding one stored file, with random name and content, sometimes damaged.
fn small_zip() -> impl Strategy<Value = Vec<u8>> {
    (
        "[a-z/]{1,12}\\.(xml|vbs|exe|txt|bin)",
        proptest::collection::vec(any::<u8>(), 0..64),
        proptest::option::of((0usize..200, any::<u8>())),
    )
        .prop_map(|(name, content, damage)| {
            use std::io::Write;
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            let _ = zip.start_file(name, options);
            let _ = zip.write_all(&content);
            let mut bytes = zip.finish().map(|c| c.into_inner()).unwrap_or_default();
            if let Some((at, byte)) = damage
                && !bytes.is_empty()
            {
                let at = at % bytes.len();
                bytes[at] = byte;
            }
            bytes
        })
}

proptest! {
    #![proptest_config(fuzz_targets::config(1024))]

    #[test]
    fn any_bytes(name in file_name(), bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        fuzz_targets::attachment(&name, &bytes);
    }

    #[test]
    fn bytes_that_start_like_known_files(
        name in file_name(),
        head in magic(),
        tail in proptest::collection::vec(any::<u8>(), 0..1024),
    ) {
        let bytes = [head, tail].concat();
        fuzz_targets::attachment(&name, &bytes);
    }

    #[test]
    fn small_archives(name in file_name(), bytes in small_zip()) {
        fuzz_targets::attachment(&name, &bytes);
    }
}
