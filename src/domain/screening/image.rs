//! Photos that give away where they were taken: EXIF GPS coordinates in JPEG, PNG, WebP, HEIC
//! or TIFF files (第六条五第12项: a student's photo taken at home tells where they live).

use std::io::Cursor;

use exif::{Reader, Tag};

use super::attachment::guarded;

/// Whether the image carries a GPS latitude or longitude. Unreadable EXIF counts as none.
pub(crate) fn has_gps_location(bytes: &[u8]) -> bool {
    guarded(|| {
        Reader::new()
            .read_from_container(&mut Cursor::new(bytes))
            .is_ok_and(|exif| {
                exif.fields()
                    .any(|f| f.tag == Tag::GPSLatitude || f.tag == Tag::GPSLongitude)
            })
    })
    .unwrap_or(false)
}
