//! Telling a Helm chart's template from its output. A template's Go actions (`{{- include …
//! }}`, `{{ .Values.x }}`) usually break the YAML; when they do, the error should say what the
//! file is and how to get manifests from it, not where the YAML broke.
//!
//! Rendered manifests hold `{{ … }}` too (alerting rules, Go templates in a `ConfigMap`), so
//! this is asked only of a file that is not valid YAML.

/// Words that start a template action besides a value reference (`.x`, `$x`): Go's
/// `text/template` actions and the Helm functions charts open lines with.
const ACTIONS: &[&str] =
    &["include", "if", "else", "end", "range", "with", "define", "template", "block", "toYaml", "tpl", "/*", "-/*"];

/// The 1-based line of the first Go template action outside quotes, if any.
pub fn action_line(text: &str) -> Option<u64> {
    text.lines().position(has_action).map(|index| u64::try_from(index).unwrap_or(u64::MAX).saturating_add(1))
}

fn has_action(line: &str) -> bool {
    let mut rest = line;
    while let Some(open) = rest.find("{{") {
        let before = &line[..line.len() - rest.len() + open];
        let quoted = before.matches('"').count() % 2 == 1 || before.matches('\'').count() % 2 == 1;
        let inside = rest[open + 2..].trim_start_matches('-').trim_start();
        let action = inside.starts_with(['.', '$']) || ACTIONS.iter().any(|word| inside.starts_with(word));
        if !quoted && action && rest[open..].contains("}}") {
            return true;
        }
        rest = &rest[open + 2..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_action_outside_quotes() {
        let chart = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\n  labels:\n    {{- include \"app.labels\" . | nindent 4 }}\n";
        assert_eq!(action_line(chart), Some(4));
        assert_eq!(action_line("a:\n  replicas: {{ .Values.replicaCount }}\n"), Some(2));
        assert_eq!(action_line("{{- if .Values.enabled }}\nkind: Service\n{{- end }}\n"), Some(1));
    }

    #[test]
    fn quoted_and_other_braces_are_not_actions() {
        assert_eq!(action_line("test: [\"CMD\", \"docker\", \"inspect\", \"--format\", \"{{.State}}\"]\n"), None);
        assert_eq!(action_line("command: docker inspect -f '{{ .Id }}'\n"), None);
        assert_eq!(action_line("a: {{b: c}}\n"), None);
    }
}
