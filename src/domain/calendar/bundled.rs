//! The holiday schedules shipped with MediaDesk (2020–2026), embedded at build time and
//! checked against the State Council notices they come from.

/// Each bundled file with its name, oldest first. Users add later years by import.
pub(crate) const BUNDLED_FILES: [(&str, &str); 7] = [
    (
        "2020.json",
        include_str!("../../../assets/calendar/2020.json"),
    ),
    (
        "2021.json",
        include_str!("../../../assets/calendar/2021.json"),
    ),
    (
        "2022.json",
        include_str!("../../../assets/calendar/2022.json"),
    ),
    (
        "2023.json",
        include_str!("../../../assets/calendar/2023.json"),
    ),
    (
        "2024.json",
        include_str!("../../../assets/calendar/2024.json"),
    ),
    (
        "2025.json",
        include_str!("../../../assets/calendar/2025.json"),
    ),
    (
        "2026.json",
        include_str!("../../../assets/calendar/2026.json"),
    ),
];
