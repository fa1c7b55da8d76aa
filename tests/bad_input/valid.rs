//! The files that load: the minimal dataset (with and without a BOM), and unknown fields that
//! change nothing in what loads.

use perm_technoparks::model::{check_dataset, load_dataset};

use super::{listing, read};

#[test]
fn the_minimal_dataset_loads_and_a_bom_changes_nothing() {
    let minimal = match load_dataset(&read("_valid_minimal.json")) {
        Ok(ds) => ds,
        Err(problems) => panic!("_valid_minimal.json is refused:\n{}", listing(&problems)),
    };
    assert_eq!(minimal.parks.len(), 2);
    assert_eq!(minimal.events.len(), 2);
    assert_eq!(minimal.observations.len(), 3);
    let bytes = read("bom_valid.json");
    assert_eq!(
        &bytes[..3],
        b"\xEF\xBB\xBF",
        "the fixture starts with a BOM"
    );
    match load_dataset(&bytes) {
        Ok(with_bom) => assert_eq!(with_bom, minimal),
        Err(problems) => panic!("bom_valid.json is refused:\n{}", listing(&problems)),
    }
}

#[test]
fn unknown_fields_change_nothing_in_the_dataset() {
    let minimal = load_dataset(&read("_valid_minimal.json")).expect("minimal loads");
    let with_unknown = load_dataset(&read("warn_unknown_fields.json"));
    assert_eq!(with_unknown.as_ref(), Ok(&minimal));
    // The minimal dataset itself has nothing to warn about (`$schema` is a known field).
    assert!(check_dataset(&read("_valid_minimal.json"))
        .warnings
        .is_empty());
}

/// The quick look that spares a valid file the full scan never misses what the scan finds.
#[test]
fn the_quick_array_check_agrees_with_the_full_scan_on_every_fixture() {
    use perm_technoparks::model::parse::{may_have_misplaced_array, misplaced_arrays, scan};
    for file in super::fixtures() {
        let Ok(text) = String::from_utf8(read(&file)) else {
            continue;
        };
        if !misplaced_arrays(&scan(&text)).is_empty() {
            assert!(may_have_misplaced_array(&text), "{file}");
        }
    }
}
