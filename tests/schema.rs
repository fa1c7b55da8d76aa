//! The committed JSON Schema is the one the types generate. `UPDATE_SCHEMA=1 cargo test --test
//! schema` rewrites it after a change to `src/model/raw.rs`.
#![cfg(not(target_arch = "wasm32"))]

const SCHEMA_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/public/data/technoparks.schema.json"
);

#[test]
fn committed_schema_matches_the_types() {
    let generated = perm_technoparks::model::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).expect("schema written");
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "public/data/technoparks.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn schema_names_every_top_level_field_and_the_dataset_points_to_it() {
    let schema: serde_json::Value =
        serde_json::from_str(&perm_technoparks::model::json_schema()).unwrap();
    let required = schema["required"].as_array().unwrap();
    for field in [
        "schema_version",
        "meta",
        "sources",
        "parks",
        "metrics",
        "observations",
        "events",
    ] {
        assert!(
            required.iter().any(|f| f == field),
            "{field} not required in the schema"
        );
    }
    let data: serde_json::Value =
        serde_json::from_str(include_str!("../public/data/technoparks.json")).unwrap();
    assert_eq!(data["$schema"], "technoparks.schema.json");
}
