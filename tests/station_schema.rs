//! The JSON Schema shipped in `assets/` describes exactly the station files
//! the parser accepts: every object level closed, every required field
//! required, every optional field optional.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use polltally::domain::station::StationFile;
use serde_json::{Value, json};

fn schema() -> Value {
    let text = include_str!("../assets/station.schema.json");
    serde_json::from_str(text).unwrap()
}

/// A station file with every optional field present.
fn full_sample() -> Value {
    let mut v: Value = serde_json::from_str(include_str!("../assets/sample-station.json")).unwrap();
    v["numerals"] = json!("khmer");
    let code = v["station"]["code"].clone();
    v["commune_stations"] = json!([code, "1804-03-0128"]);
    v["required_signers"] = json!(["secretary", "party_agent"]);
    v["checkpoint_every"] = json!(25);
    v["criteria"] = json!([
        {"code": "V1", "valid": true, "title": {"en": "Tick"}, "rule": {"en": "A tick."}, "example": {"en": "A tick in box 3."}},
        {"code": "I1", "valid": false, "title": {"en": "Blank"}, "rule": {"en": "No mark."}}
    ]);
    v
}

fn accepts(v: &Value) -> Result<(), String> {
    StationFile::parse(serde_json::to_vec(v).unwrap())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The schema node for an object level, and a pointer to one instance of it
/// in the sample.
fn levels(schema: &Value) -> Vec<(Value, &'static str)> {
    let p = &schema["properties"];
    vec![
        (schema.clone(), ""),
        (p["election"].clone(), "/election"),
        (p["station"].clone(), "/station"),
        (p["parties"]["items"].clone(), "/parties/0"),
        (p["ballot_books"]["items"].clone(), "/ballot_books/0"),
        (p["criteria"]["items"].clone(), "/criteria/0"),
    ]
}

#[test]
fn the_samples_are_accepted() {
    accepts(&full_sample()).unwrap();
}

#[test]
fn every_level_is_closed_in_schema_and_parser() {
    let schema = schema();
    for (node, pointer) in levels(&schema) {
        assert_eq!(node["additionalProperties"], json!(false), "{pointer}");
        let mut v = full_sample();
        v.pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert("extra".into(), json!(1));
        let err = accepts(&v).unwrap_err();
        assert!(err.contains("unknown field `extra`"), "{pointer}: {err}");
    }
}

#[test]
fn required_and_optional_fields_agree() {
    let schema = schema();
    for (node, pointer) in levels(&schema) {
        let required: Vec<&str> = node["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        let properties = node["properties"].as_object().unwrap();
        let sample = full_sample();
        let instance = sample.pointer(pointer).unwrap().as_object().unwrap();
        let mut keys: Vec<&String> = instance.keys().collect();
        keys.sort();
        let mut listed: Vec<&String> = properties.keys().collect();
        listed.sort();
        assert_eq!(
            keys, listed,
            "{pointer}: the sample uses every property the schema lists"
        );
        for key in properties.keys() {
            let mut v = full_sample();
            v.pointer_mut(pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(key);
            let result = accepts(&v);
            if required.contains(&key.as_str()) {
                let err = result.unwrap_err();
                assert!(
                    err.contains(&format!("missing field `{key}`")),
                    "{pointer}/{key}: {err}"
                );
            } else {
                assert!(
                    result.is_ok(),
                    "{pointer}/{key} is optional in the schema but required by the parser: {result:?}"
                );
            }
        }
    }
}

#[test]
fn the_schema_names_the_format() {
    assert_eq!(
        schema()["properties"]["format"]["const"],
        "polltally-station/1"
    );
}

#[test]
fn commune_stations_name_the_station_itself_once_each() {
    let mut v = full_sample();
    v["commune_stations"] = json!(["1804-03-0128"]);
    let err = accepts(&v).unwrap_err();
    assert!(
        err.contains("commune_stations: must list this station's own code \"1804-03-0127\""),
        "{err}"
    );
    v["commune_stations"] = json!(["1804-03-0127", "1804-03-0128", "1804-03-0128"]);
    let err = accepts(&v).unwrap_err();
    assert!(
        err.contains(
            "commune_stations[2]: \"1804-03-0128\" is used twice (also commune_stations[1])"
        ),
        "{err}"
    );
}

#[test]
fn required_signers_are_role_keys_named_once() {
    let mut v = full_sample();
    v["required_signers"] = json!(["secretary", "Secretary"]);
    let err = accepts(&v).unwrap_err();
    assert!(
        err.contains("required_signers[1]: \"Secretary\" is not a role"),
        "{err}"
    );
    v["required_signers"] = json!(["secretary", "member", "secretary"]);
    let err = accepts(&v).unwrap_err();
    assert!(
        err.contains("required_signers[2]: \"secretary\" is used twice (also required_signers[0])"),
        "{err}"
    );
}

#[test]
fn the_schema_states_the_bounds_the_parser_holds() {
    use polltally::domain::limits::*;
    let s = schema();
    let p = &s["properties"];
    assert_eq!(p["parties"]["maxItems"], json!(MAX_PARTIES));
    assert_eq!(p["ballot_books"]["maxItems"], json!(MAX_BALLOT_BOOKS));
    assert_eq!(p["criteria"]["maxItems"], json!(MAX_CRITERIA));
    assert_eq!(
        p["commune_stations"]["maxItems"],
        json!(MAX_COMMUNE_STATIONS)
    );
    assert_eq!(p["council_seats"]["maximum"], json!(MAX_SEATS));
    assert_eq!(p["complaint_days"]["maximum"], json!(MAX_COMPLAINT_DAYS));
    assert_eq!(p["registered_voters"]["maximum"], json!(MAX_BALLOTS));
    let text = &s["$defs"]["text"];
    assert_eq!(text["maxProperties"], json!(MAX_LANGUAGES));
    assert_eq!(
        text["additionalProperties"]["maxLength"],
        json!(MAX_TEXT_CHARS)
    );
    let bytes = MAX_STATION_FILE_BYTES.to_string();
    let grouped = format!("{},{},{}", &bytes[..1], &bytes[1..4], &bytes[4..]);
    assert!(
        s["description"].as_str().unwrap().contains(&grouped),
        "{grouped}"
    );

    // At the bounds, accepted; one past, refused.
    let mut v = full_sample();
    let code = v["station"]["code"].clone();
    let mut stations: Vec<Value> = (1..MAX_COMMUNE_STATIONS)
        .map(|k| json!(format!("9999-99-{k:04}")))
        .collect();
    stations.push(code);
    v["commune_stations"] = json!(stations);
    v["ballot_books"] = (1..=MAX_BALLOT_BOOKS as u64)
        .map(|k| json!({"book": format!("B{k}"), "first_serial": k, "last_serial": k}))
        .collect();
    v["station"]["name"]["en"] = json!("x".repeat(MAX_TEXT_CHARS));
    accepts(&v).unwrap();
    v["station"]["name"]["en"] = json!("x".repeat(MAX_TEXT_CHARS + 1));
    assert!(accepts(&v).unwrap_err().starts_with("station.name: en: "));
}
