//! A synthetic dataset for the benchmark's scale run: 200 parks × 20 years of values for
//! every stated metric, and 5 000 events, built from the real dataset's shapes (its sources,
//! metrics and texts reused), so it passes the same validation. Not data: every park name
//! says it is synthetic, and `meta.title` too.
//!
//! usage: scale-data [OUT] [PARKS] [YEARS] [EVENTS]
//! (defaults: target/bench/scale/technoparks.json 200 20 5000)

use std::path::PathBuf;
use std::process::ExitCode;

use perm_technoparks::model::load_dataset;
use serde_json::{json, Value};

const REAL: &str = "public/data/technoparks.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(
        args.first()
            .map_or("target/bench/scale/technoparks.json", String::as_str),
    );
    let number = |i: usize, default: usize| {
        args.get(i).map_or(Ok(default), |a| {
            a.parse::<usize>()
                .map_err(|_| format!("`{a}` is not a count"))
        })
    };
    let counts = (|| Ok::<_, String>((number(1, 200)?, number(2, 20)?, number(3, 5_000)?)))();
    let (parks, years, events) = match counts {
        Ok(c) => c,
        Err(message) => {
            eprintln!("scale-data: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&out, parks, years, events) {
        Ok(bytes) => {
            println!(
                "{}: {parks} parks × {years} years, {events} events, {bytes} bytes",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("scale-data: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(out: &PathBuf, parks: usize, years: usize, events: usize) -> Result<usize, String> {
    let real: Value =
        serde_json::from_str(&std::fs::read_to_string(REAL).map_err(|e| format!("{REAL}: {e}"))?)
            .map_err(|e| format!("{REAL}: {e}"))?;
    let synthetic = synthesise(&real, parks, years, events)?;
    let text = serde_json::to_string(&synthetic).map_err(|e| e.to_string())?;
    // The same checks the app runs: the benchmark measures a dataset the app accepts.
    load_dataset(text.as_bytes()).map_err(|problems| {
        format!(
            "the synthetic dataset is invalid: {:?}",
            problems.first().map(|p| (&p.path, &p.kind))
        )
    })?;
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(text.len())
}

/// A deterministic pseudo-random sequence (xorshift), so every run makes the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn synthesise(real: &Value, parks: usize, years: usize, events: usize) -> Result<Value, String> {
    let field = |name: &str| {
        real.get(name)
            .and_then(Value::as_array)
            .cloned()
            .ok_or(format!("{REAL}: no `{name}` list"))
    };
    let (sources, real_parks, metrics, real_events) = (
        field("sources")?,
        field("parks")?,
        field("metrics")?,
        field("events")?,
    );
    let source_id = sources
        .first()
        .and_then(|s| s.get("id"))
        .cloned()
        .ok_or("no source")?;
    let template = real_parks.first().ok_or("no park")?;
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let last_year = 2025;
    let first_year = last_year - years as i64 + 1;

    let park_ids: Vec<String> = (0..parks).map(|i| format!("park-{i:03}")).collect();
    let parks_json: Vec<Value> = park_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mut park = template.clone();
            park["id"] = json!(id);
            park["name"] = json!({
                "ru": format!("Синтетический технопарк № {}", i + 1),
                "en": format!("Synthetic technopark No. {}", i + 1),
            });
            park["opened"] = json!(format!("{}", first_year + (i as i64 % 5)));
            park["color"] = json!(format!(
                "#{:02x}{:02x}{:02x}",
                40 + (i * 37) % 160,
                40 + (i * 71) % 160,
                40 + (i * 113) % 160
            ));
            park
        })
        .collect();

    let mut observations = Vec::new();
    for (p, id) in park_ids.iter().enumerate() {
        for metric in &metrics {
            let metric_id = metric.get("id").cloned().ok_or("a metric without id")?;
            let rank = metric.get("unit") == Some(&json!("rank"));
            for y in 0..years as i64 {
                let value = if rank {
                    // Places 1..=parks, a different order each year.
                    ((p as i64 + y * 7) % parks as i64 + 1) as f64
                } else {
                    (1_000 + rng.below(100_000)) as f64
                };
                observations.push(json!({
                    "park": id,
                    "metric": metric_id,
                    "value": value,
                    "date": format!("{}", first_year + y),
                    "sources": [source_id],
                    "confidence": "high",
                }));
            }
        }
    }

    let events_json: Vec<Value> = (0..events)
        .map(|i| {
            let mut event = real_events[i % real_events.len()].clone();
            event["id"] = json!(format!("event-{i:05}"));
            let year = first_year + rng.below(years as u64) as i64;
            event["date"] = json!(format!(
                "{year}-{:02}-{:02}",
                1 + rng.below(12),
                1 + rng.below(28)
            ));
            let concerned = rng.below(3) as usize;
            event["parks"] = json!((0..concerned)
                .map(|_| park_ids[rng.below(parks as u64) as usize].clone())
                .collect::<std::collections::BTreeSet<_>>());
            event
        })
        .collect();

    let mut out = real.clone();
    out["meta"]["title"] = json!({
        "ru": format!("Синтетический набор для замеров: {parks} технопарков, {events} событий"),
        "en": format!("Synthetic benchmark dataset: {parks} parks, {events} events"),
    });
    out["parks"] = json!(parks_json);
    out["observations"] = json!(observations);
    out["events"] = json!(events_json);
    Ok(out)
}
