//! The README's tables, and every sentence of it that says what a bundled profile yields, are
//! generated from the model and its evaluation, so they cannot drift: this test fails when a
//! generated section differs from what the code says, and rewrites the sections when run with
//! `UPDATE_README=1`. The pictures in `docs/` show a verdict too: `docs/screenshots.ron` records
//! the one each shows, the captions quote it, and a test compares it with today's.

use std::fmt::Write as _;
use std::path::Path;

use podvisor::builtin::Described as _;
use podvisor::model::confidence::SEED;
use podvisor::model::format::Number;
use podvisor::model::{AssumptionId, CRITERIA, Evaluation, OptionId, ResourceId, TraitId, confidence, evaluate};
use podvisor::narrative;
use podvisor::profile::load_file;
use serde::Deserialize;

/// `docs/screenshots.ron`: the verdict each picture in `docs/` shows.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Picture {
    /// The file in `docs/`.
    #[serde(rename = "picture")]
    file: String,
    /// The bundled profile on screen (`profiles/`, without `.ron`).
    profile: String,
    /// The banner's headline, as the picture shows it.
    headline: String,
    leader: String,
    close_call: bool,
}

fn pictures() -> Vec<Picture> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots.ron");
    ron::from_str(&std::fs::read_to_string(&path).expect("docs/screenshots.ron")).expect("docs/screenshots.ron parses")
}

/// A bundled profile's evaluation as the app and the CLI show it, with its confidence drawn.
fn bundled(name: &str) -> Evaluation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles").join(format!("{name}.ron"));
    let profile = load_file(&path).unwrap_or_else(|e| panic!("{e}")).profile;
    let drawn = confidence(&profile, podvisor::builtin::catalogs(), SEED);
    evaluate(&profile, podvisor::builtin::catalogs()).with_confidence(drawn)
}

/// An image line whose caption quotes the verdict its picture shows.
fn picture_line(file: &str, caption: impl Fn(&str) -> String) -> String {
    let picture = pictures().into_iter().find(|p| p.file == file).unwrap_or_else(|| panic!("{file} not recorded"));
    format!("![{}](docs/{file})\n", caption(&picture.headline))
}

fn hero() -> String {
    picture_line("screenshot.png", |headline| {
        format!("Podvisor on the monolith decomposed into 50 services: “{headline}”, explained")
    })
}

fn four_options() -> String {
    picture_line("four-options.png", |headline| {
        format!("Four options side by side on a SaaS running customer code: “{headline}”")
    })
}

/// Where the single VM's memory overtakes one container per service in the bundled decomposed
/// monolith (M-RES-2), and where whole VMs and hosts hand the lead back and forth after that.
fn crossover() -> String {
    let evaluation = bundled("monolith_decomposed_50_services");
    let crossings: Vec<f64> = evaluation
        .break_even()
        .iter()
        .filter(|b| b.axis == TraitId::Services && b.resource == ResourceId::MemoryGib)
        .map(|b| b.at)
        .collect();
    let first = evaluation
        .break_even()
        .iter()
        .find(|b| b.axis == TraitId::Services && b.resource == ResourceId::MemoryGib && b.ahead_above == OptionId::VM)
        .expect("the single VM overtakes containers on memory (M-RES-2)");
    let later: Vec<String> = crossings.iter().filter(|at| **at > first.at).map(|at| Number(*at).to_string()).collect();
    let mut text = format!("the single VM overtakes them at {} services", Number(first.at));
    if later.is_empty() {
        // Lines within 5 % of each other carry no break-even (`outlook::LEVEL_LEAD`).
        text.push_str(
            " (in the bundled decomposed monolith; on the way the two run level, within 5 % of each other, \
             which the chart marks as no break-even)",
        );
    } else if let Some((last, rest)) = later.split_last() {
        let list = if rest.is_empty() { last.clone() } else { format!("{} and {last}", rest.join(", ")) };
        let _ = write!(
            text,
            " (in the bundled decomposed monolith; whole VMs and hosts then hand the lead back and forth at {list})"
        );
    }
    text
}

fn criteria() -> String {
    // The readings quote the catalogue's defaults, as a profile that overrides none sees them.
    let values = podvisor::builtin::catalogs().assumptions.resolve(&podvisor::model::Profile::default().assumptions);
    let mut out = String::from("| Criterion | Default weight | Reading | Sources |\n| --- | ---: | --- | --- |\n");
    for c in CRITERIA {
        let _ = writeln!(
            out,
            "| {} (`{}`) | {} | {} | {} |",
            c.label,
            c.key,
            Number(c.default_weight),
            c.reading(&values),
            c.sources.join(", ")
        );
    }
    out
}

fn assumptions() -> String {
    let mut out = String::from("| Assumption | Default | Range | Grade | Source |\n| --- | ---: | --- | --- | --- |\n");
    for id in AssumptionId::ALL {
        let spec = id.spec();
        let _ = writeln!(
            out,
            "| {} (`{}`) | {} {} | {}–{} | {} | {} |",
            spec.label,
            spec.id,
            Number(spec.value),
            spec.unit_of(spec.value),
            Number(spec.min),
            Number(spec.max),
            spec.grade.label(),
            spec.source.replace('|', "\\|")
        );
    }
    out
}

/// Each provider's ways of buying, from `assets/purchase.ron`.
fn purchase() -> String {
    let catalog = &podvisor::builtin::catalogs().purchase;
    let mut out = String::from(
        "| Provider | Purchase | Discount | Range | Plan | Read | Grade |\n| --- | --- | ---: | --- | --- | --- | --- |\n",
    );
    for offer in &catalog.terms {
        let [provider, purchase, rest @ ..] = podvisor::report::hosts::purchase_cells(offer);
        let _ = writeln!(out, "| {provider} | `{purchase}` | {} |", rest.join(" | "));
    }
    out
}

#[test]
fn readme_generated_sections_are_current() {
    // Block sections open on a line of their own; inline ones sit inside a sentence.
    let sections = [
        ("criteria", criteria(), "\n"),
        ("assumptions", assumptions(), "\n"),
        ("purchase", purchase(), "\n"),
        ("hero", hero(), "\n"),
        ("four-options", four_options(), "\n"),
        ("crossover", crossover(), ""),
    ];
    regenerate("README.md", &sections);
}

/// The host catalog's table in `docs/hosts.md`, family by family, from `assets/hosts.ron`.
#[test]
fn docs_hosts_table_is_current() {
    regenerate("docs/hosts.md", &[("hosts", hosts(), "\n")]);
}

/// Compares each generated section of `file` with its body, and rewrites the stale ones when
/// run with `UPDATE_README=1` (else fails naming them).
fn regenerate(file: &str, sections: &[(&str, String, &str)]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let mut text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{file}: {error}"));
    let update = std::env::var("UPDATE_README").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, body, after_open) in sections {
        let (open, close) = (format!("<!-- generated:{name} -->{after_open}"), format!("<!-- /generated:{name} -->"));
        let start = text.find(&open).unwrap_or_else(|| panic!("{file} lacks {open}")) + open.len();
        let end = start + text[start..].find(&close).unwrap_or_else(|| panic!("{file} lacks {close}"));
        if text[start..end] != *body {
            stale.push(*name);
            text.replace_range(start..end, body);
        }
    }
    if update {
        std::fs::write(&path, text).unwrap_or_else(|error| panic!("{file} not written: {error}"));
    } else {
        assert!(
            stale.is_empty(),
            "{file} sections {stale:?} are stale: run `UPDATE_README=1 cargo test --test cli readme`"
        );
    }
}

/// One row per family: its processors, its types with shape, price and (burstable types)
/// sustained share, where and when it is priced, and the sources of its figures.
fn hosts() -> String {
    let catalog = &podvisor::builtin::catalogs().hosts;
    let mut out = String::from(
        "| Family | Arch | Types: vCPU / GiB, $ an hour | Region | Prices of | Sources | Grade |\n| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    let mut families: Vec<&str> = Vec::new();
    for host in catalog.types() {
        if families.contains(&host.family.as_str()) {
            continue;
        }
        families.push(&host.family);
        let types: Vec<String> = catalog
            .family(&host.family)
            .map(|member| {
                let name = if member.bare_metal { format!("**{}**", member.name()) } else { member.name().to_owned() };
                let sustained = member
                    .baseline_cpu
                    .map(|share| format!(" ({} % sustained)", Number(share * 100.0)))
                    .unwrap_or_default();
                format!("{name} {}/{} ${}{sustained}", member.cores, Number(member.memory_gib), member.price_per_hour)
            })
            .collect();
        let dated = host.price_generated.as_deref().map_or_else(
            || "the source is undated; month read".to_owned(),
            |time| format!("generated {}", time.get(..10).unwrap_or(time)),
        );
        let credits =
            host.cpu_credits.as_ref().map(|credits| format!(" CPU credits: {}", credits.source)).unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} `{}` | {} | {} | {} | {} ({dated}) | {}{credits} | {} |",
            host.provider.key(),
            host.family,
            host.arch.key(),
            types.join(" · "),
            host.region,
            host.price_date,
            host.source.replace('|', "\\|"),
            host.grade.label()
        );
    }
    out
}

/// Each picture in `docs/` shows the verdict its profile gets today: the leader and whether it
/// is a close call, as recorded beside it. When the answer changes, re-make the picture (README,
/// "Expected answers and golden files") and record what it shows.
#[test]
fn docs_pictures_show_todays_verdict() {
    let pictures = pictures();
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut stale = Vec::new();
    for picture in &pictures {
        assert!(docs.join(&picture.file).is_file(), "docs/{} is missing", picture.file);
        let evaluation = bundled(&picture.profile);
        let verdict = &evaluation.verdict;
        if verdict.leader.key() != picture.leader || verdict.close_call != picture.close_call {
            stale.push(format!(
                "docs/{} shows “{}” ({} leads, close call {}); {} today gives “{}” ({} leads, close call {})",
                picture.file,
                picture.headline,
                picture.leader,
                picture.close_call,
                picture.profile,
                narrative::headline(&evaluation),
                verdict.leader.key(),
                verdict.close_call
            ));
        }
    }
    assert!(stale.is_empty(), "pictures to re-make:\n{}", stale.join("\n"));
    let mut listed: Vec<String> = pictures.iter().map(|p| p.file.clone()).collect();
    listed.sort();
    let mut found: Vec<String> = std::fs::read_dir(&docs)
        .expect("docs/")
        .map(|entry| entry.expect("a docs entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("png")))
        .map(|path| path.file_name().expect("a file name").to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(listed, found, "every picture in docs/ has its verdict recorded in docs/screenshots.ron");
}

#[test]
fn readme_shows_the_two_commands() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README.md");
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
}
