//! Runs the built binary on every bundled profile, in every format, and on bad input.

use crate::profile_support;

use std::process::{Command, Output};

fn podvisor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podvisor")).args(args).output().expect("podvisor runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn json_follows_the_documented_contract_for_every_bundled_profile() {
    for path in profile_support::bundled() {
        let out = podvisor(&["evaluate", path.to_str().expect("path"), "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}: {}", path.display(), stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
        assert_eq!(json["format"], "podvisor-evaluation");
        // Version 3 adds the verdict's confidence and each option's feasibility (README, JSON contract).
        assert_eq!(json["version"], 3);
        assert!(json["profile"]["name"].is_string());
        // Every option-keyed object lists the profile's options, in its order.
        let ids: Vec<&str> =
            json["profile"]["options"].as_array().expect("options").iter().filter_map(|id| id.as_str()).collect();
        assert!((2..=4).contains(&ids.len()), "{ids:?}");
        if json["components"].is_array() {
            check_estate(&json, &ids);
        } else {
            check_evaluation(&json, &ids);
        }
    }
}

fn keys(value: &serde_json::Value) -> Vec<String> {
    value.as_object().expect("object").keys().cloned().collect()
}

/// A mixed estate: the top level answers "one platform for everything" with all-in scores
/// and resources; each component is a one-component evaluation; the plan places each.
fn check_estate(json: &serde_json::Value, ids: &[&str]) {
    assert_eq!(keys(&json["options"]), ids);
    assert!(json["curves"].as_object().is_some_and(serde_json::Map::is_empty) && json["sensitivity"].is_null());
    // "All on one platform" has a confidence of its own, drawn in the components' worlds.
    check_confidence(&json["verdict"], ids);
    let components = json["components"].as_array().expect("components");
    assert!(components.len() >= 2);
    for component in components {
        assert!(component["name"].is_string() && component["current"].is_string());
        check_verdict(&component["verdict"], ids);
        check_options(&component["options"], ids);
        assert_eq!(component["sensitivity"]["traits"].as_array().map(Vec::len), Some(podvisor::model::TRAITS.len()));
    }
    let plan = &json["plan"];
    assert_eq!(plan["placement"].as_array().map(Vec::len), Some(components.len()));
    assert_eq!(keys(&plan["versus"]), ids);
    assert!(plan["summary"].as_str().is_some_and(|s| s.starts_with("Run ")));
    assert!(plan["resources"]["monthly_cost"].as_f64().is_some_and(|v| v > 0.0));
    let path = plan["path"].as_array().expect("path");
    assert!(path[0]["component"].is_null() && path.iter().skip(1).all(|step| step["component"].is_string()));
}

fn check_verdict(verdict: &serde_json::Value, ids: &[&str]) {
    let margin = verdict["margin"].as_f64().expect("margin");
    assert!((0.0..=1.0).contains(&margin));
    assert!(verdict["close_call"].is_boolean() && verdict["summary"].is_string());
    assert!(verdict["winner"].is_null() || ids.iter().any(|id| verdict["winner"] == *id));
    assert!(ids.iter().any(|id| verdict["leader"] == *id));
    check_confidence(verdict, ids);
}

/// The verdict's confidence: every option's share of plausible worlds, adding up to 1, the
/// leader's among them, and the close call following from it (the bundled profiles keep the
/// default `close_call_confidence`, 0.66, and `close_call_min_margin`, 2 points).
fn check_confidence(verdict: &serde_json::Value, ids: &[&str]) {
    let confidence = &verdict["confidence"];
    assert_eq!(keys(&confidence["shares"]), ids);
    let total: f64 = ids.iter().map(|id| confidence["shares"][*id].as_f64().expect("share")).sum();
    assert!((total - 1.0).abs() < 1e-6, "shares add up to {total}");
    let leader = verdict["leader"].as_str().expect("leader");
    let share = confidence["leader_share"].as_f64().expect("leader_share");
    assert_eq!(confidence["shares"][leader].as_f64(), Some(share));
    assert_eq!((confidence["draws"].as_u64(), confidence["seed"].as_u64()), (Some(1000), Some(21)));
    // Too close to call under 66 % of worlds, or under a 2-point lead (close_call_min_margin).
    let margin = verdict["margin"].as_f64().expect("margin");
    // A component's verdict names no runner-up; every profile compares two options or more.
    let runner_up = verdict.get("runner_up").is_none_or(|id| !id.is_null());
    assert_eq!(verdict["close_call"].as_bool(), Some(runner_up && (share < 0.66 || margin < 0.02)), "{verdict}");
}

fn check_options(options: &serde_json::Value, ids: &[&str]) {
    assert_eq!(keys(options), ids);
    for id in ids.iter().copied() {
        let option = &options[id];
        let score = option["score"].as_f64().expect("score");
        assert!((0.0..=100.0).contains(&score));
        let criteria = option["criteria"].as_object().expect("criteria");
        assert_eq!(criteria.len(), 16);
        for (key, c) in criteria {
            assert!((0.0..=10.0).contains(&c["score"].as_f64().expect("score")), "{key}");
            assert!((0.0..=5.0).contains(&c["weight"].as_f64().expect("weight")), "{key}");
            assert!(c["why"].as_str().is_some_and(|w| !w.is_empty()), "{key}");
            assert!(c["sources"].is_array());
        }
        for list in ["pros", "cons"] {
            for point in option[list].as_array().expect("points") {
                assert!(point["text"].is_string() && point["impact"].is_number() && point["sources"].is_array());
            }
        }
        for key in [
            "memory_gib",
            "cpu_cores",
            "disk_gib",
            "hosts",
            "monthly_cost",
            "start_seconds",
            "scale_to_peak_seconds",
            "os_instances_to_patch",
            "instances_per_host",
        ] {
            assert!(option["resources"][key].as_f64().is_some_and(|v| v >= 0.0), "{id}.{key}");
        }
    }
}

fn check_evaluation(json: &serde_json::Value, ids: &[&str]) {
    for axis in ["services", "replicas"] {
        assert_eq!(keys(&json["curves"][axis])[1..], *ids, "{axis}");
    }
    check_verdict(&json["verdict"], ids);
    check_options(&json["options"], ids);
    assert!(json["curves"]["services"]["x"].is_array() && json["curves"]["replicas"]["vm"]["memory_gib"].is_array());
    assert!(json["break_even"].is_array() && json["warnings"].is_array());
    let traits = json["sensitivity"]["traits"].as_array().expect("sensitivity traits");
    assert_eq!(traits.len(), podvisor::model::TRAITS.len());
    for t in traits {
        for key in ["trait", "value", "flip_at", "distance", "margin_low", "margin_high"] {
            assert!(t.get(key).is_some(), "sensitivity entry lacks {key}");
        }
    }
    let critical = &json["sensitivity"]["critical_weight"];
    assert!(
        critical.is_null()
            || (critical["criterion"].is_string() && critical["from"].is_number() && critical["to"].is_number())
    );
}

#[test]
fn text_and_markdown_agree_with_the_json() {
    for path in profile_support::bundled() {
        let path = path.to_str().expect("path");
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&podvisor(&["evaluate", path, "--format", "json"]))).expect("JSON");
        let summary = json["verdict"]["summary"].as_str().expect("summary");
        let text = stdout(&podvisor(&["evaluate", path]));
        assert!(text.contains(summary), "{path}: text lacks the verdict");
        let markdown = stdout(&podvisor(&["evaluate", path, "--format", "markdown"]));
        assert!(markdown.starts_with("# ") && markdown.contains(summary), "{path}");
        let report = stdout(&podvisor(&["report", path]));
        assert_eq!(report, markdown, "report and evaluate --format markdown are the same document");
        // Every overall score printed in the report is the JSON's, formatted the same way (a
        // mixed estate prints each component's scorecard).
        let scorecards = json["components"]
            .as_array()
            .map_or_else(|| vec![&json["options"]], |c| c.iter().map(|c| &c["options"]).collect());
        for options in scorecards {
            for (id, option) in options.as_object().expect("options") {
                let score = option["score"].as_f64().expect("score");
                assert!(markdown.contains(&format!("**{}**", podvisor::model::format::score(score))), "{path} {id}");
            }
        }
    }
}

#[test]
fn compare_reports_differences_and_deltas() {
    let profiles = profile_support::bundled();
    let (a, b) = (profiles[0].to_str().expect("path"), profiles[1].to_str().expect("path"));
    let out = podvisor(&["compare", a, b, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["format"], "podvisor-comparison");
    let differences = json["differences"].as_array().expect("differences");
    assert!(differences.iter().any(|d| d["field"] == "name"));
    for d in differences {
        assert_ne!(d["a"], d["b"], "{d}");
    }
    let score = &json["options"]["vm"]["score"];
    let delta = score["b"].as_f64().expect("b") - score["a"].as_f64().expect("a");
    assert!((score["delta"].as_f64().expect("delta") - delta).abs() < 1e-5);
    assert!(json["options"]["container"]["resources"]["memory_gib"]["delta"].is_number());

    let same = podvisor(&["compare", a, a]);
    assert_eq!(same.status.code(), Some(0));
    assert!(stdout(&same).contains("Settings that differ (0)"));
}

#[test]
fn report_writes_a_file_with_o() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("report.md");
    let profile = profile_support::bundled()[0].clone();
    let out = podvisor(&["report", profile.to_str().expect("path"), "-o", target.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let written = std::fs::read_to_string(&target).expect("report written");
    assert!(written.contains("## Assumptions") && written.contains("## How robust is the answer?"));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1, "no temp files left behind");
}

#[test]
fn bad_input_exits_1_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "(format: \"podvisor-profile\", version: 1, workload: (services: \"ten\"))").expect("write");
    let out = podvisor(&["evaluate", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("broken.ron:1:"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());

    let missing = podvisor(&["evaluate", "/no/such/profile.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("/no/such/profile.ron"));
}

#[test]
fn comparing_mixed_estates_says_each_plan_and_whose_scores_are_compared() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shop = root.join("profiles/three_tier_web_shop.ron");
    let panel = root.join("tests/scenarios/three_tier_mixed_plan.ron");
    let (a, b) = (shop.to_str().expect("path"), panel.to_str().expect("path"));
    let out = podvisor(&["compare", a, b]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "Verdict A: Run the orders database on VMs and the storefront services (24 services) on containers on VMs: "
        ),
        "{text}"
    );
    assert!(text.contains("The scores compared are the first component's (Storefront services)."), "{text}");
    let markdown = stdout(&podvisor(&["compare", a, b, "--format", "markdown"]));
    assert!(markdown.contains("- **B:** Run the search, "), "{markdown}");
}
