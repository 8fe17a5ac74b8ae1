//! What each kind of field accepts, and the refusals worded for people.

use std::fmt;

use crate::model::OptionId;
use crate::model::options::REGISTRY;
use crate::model::profile::MAX_OPTIONS;
use crate::model::profile::fields::{Words, listed};
use crate::profile::{FORMAT, VERSION, suggest};

/// One value as the file wrote it, before the field's rule looks at it.
pub(super) enum Scalar<'a> {
    Flag(bool),
    Whole(i128),
    Real(f64),
    Text(&'a str),
}

impl fmt::Display for Scalar<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flag(flag) => write!(f, "`{flag}`"),
            Self::Whole(whole) => write!(f, "{whole}"),
            Self::Real(real) => write!(f, "{real:?}"),
            Self::Text(text) => write!(f, "the text {text:?}"),
        }
    }
}

/// Why a value of the right type is still refused (the message follows the field's name).
#[derive(Debug, thiserror::Error)]
pub(super) enum Refusal {
    #[error("NaN is not a number; write a number such as 2.0")]
    NotANumber,
    #[error("{0} is not allowed; write a finite number such as 2.0")]
    Infinite(f64),
    #[error("this is a {0:?} file, not a Podvisor profile (\"{FORMAT}\")")]
    OtherFormat(String),
    #[error(
        "{0} is newer than this build of Podvisor reads (it reads versions 1 to {VERSION}); open the file with a newer Podvisor"
    )]
    NewerVersion(i128),
    #[error("{0} is not a valid version (versions start at 1; this build reads versions 1 to {VERSION})")]
    InvalidVersion(i128),
    #[error("{0}")]
    UnknownHost(String),
    #[error("a price of {0:?} per hour is refused; write a positive number of US dollars such as 0.768")]
    NotAPrice(f64),
    /// A word a choice field does not know, what the field names, and the closest word or the list.
    #[error("unknown {0} {1:?}; {2}")]
    UnknownWord(&'static str, String, String),
    #[error("at most {MAX_OPTIONS} options are compared at once; `{0}` would be the {next}th", next = MAX_OPTIONS + 1)]
    TooManyOptions(String),
    /// An option id not in the registry, and the hint: the closest ids, or all of them.
    #[error("unknown option `{0}`; {1}")]
    UnknownOption(String, String),
    #[error("`{0}` is listed twice; each option may appear once")]
    RepeatedOption(String),
    #[error("\"{0}\" is not accepted here; write {1}")]
    UnknownChoice(String, String),
}

/// What a field accepts, and what its value becomes.
pub(super) trait Rule {
    type Value;
    /// Said after "expected" in messages.
    const EXPECTED: &'static str;
    /// [`Self::EXPECTED`], or what this rule's field in particular expects.
    fn expected(&self) -> String {
        Self::EXPECTED.to_owned()
    }
    /// The value, or what is wrong with it (the caller adds the field's name). `None`
    /// means "not this type" and gets the standard "expected …, found …".
    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<Self::Value, Refusal>>;
}

pub(super) struct Whole;
pub(super) struct Real;
pub(super) struct Flag;
pub(super) struct Text;
pub(super) struct Format;
pub(super) struct Version;

impl Rule for Whole {
    type Value = f64;
    const EXPECTED: &'static str = "a whole number";

    #[expect(clippy::cast_precision_loss, reason = "huge values are clamped to the field's range anyway")]
    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<f64, Refusal>> {
        match scalar {
            Scalar::Whole(whole) => Some(Ok(*whole as f64)),
            _ => None,
        }
    }
}

impl Rule for Real {
    type Value = f64;
    const EXPECTED: &'static str = "a number";

    #[expect(clippy::cast_precision_loss, reason = "huge values are clamped to the field's range anyway")]
    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<f64, Refusal>> {
        match scalar {
            Scalar::Whole(whole) => Some(Ok(*whole as f64)),
            Scalar::Real(real) if real.is_nan() => Some(Err(Refusal::NotANumber)),
            Scalar::Real(real) if real.is_infinite() => Some(Err(Refusal::Infinite(*real))),
            Scalar::Real(real) => Some(Ok(*real)),
            _ => None,
        }
    }
}

impl Rule for Flag {
    type Value = bool;
    const EXPECTED: &'static str = "`true` or `false`";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<bool, Refusal>> {
        match scalar {
            Scalar::Flag(flag) => Some(Ok(*flag)),
            _ => None,
        }
    }
}

impl Rule for Text {
    type Value = String;
    const EXPECTED: &'static str = "text in quotes";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<String, Refusal>> {
        match scalar {
            Scalar::Text(text) => Some(Ok((*text).to_owned())),
            _ => None,
        }
    }
}

impl Rule for Format {
    type Value = ();
    const EXPECTED: &'static str = "the text \"podvisor-profile\"";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<(), Refusal>> {
        match scalar {
            Scalar::Text(text) if *text == FORMAT => Some(Ok(())),
            Scalar::Text(text) => Some(Err(Refusal::OtherFormat((*text).to_owned()))),
            _ => None,
        }
    }
}

impl Rule for Version {
    type Value = u32;
    const EXPECTED: &'static str = "a whole number";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<u32, Refusal>> {
        match scalar {
            Scalar::Whole(version) if (1..=i128::from(VERSION)).contains(version) => {
                Some(Ok(u32::try_from(*version).unwrap_or(VERSION)))
            }
            Scalar::Whole(version) if *version > i128::from(VERSION) => Some(Err(Refusal::NewerVersion(*version))),
            Scalar::Whole(version) => Some(Err(Refusal::InvalidVersion(*version))),
            _ => None,
        }
    }
}

/// `environment.host`: `custom` or an id of the host catalog.
pub(super) struct HostId;

impl Rule for HostId {
    type Value = String;
    const EXPECTED: &'static str = "\"custom\" or a host id in quotes, such as \"aws/m6i.4xlarge\"";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<String, Refusal>> {
        let Scalar::Text(id) = scalar else { return None };
        let chosen = crate::builtin::catalogs().hosts.choose(id).map(|_| (*id).to_owned());
        Some(chosen.map_err(|error| Refusal::UnknownHost(error.to_string())))
    }
}

/// `environment.host_price_per_hour`: a positive, finite number of US dollars.
pub(super) struct Price;

impl Rule for Price {
    type Value = f64;
    const EXPECTED: &'static str = "a price per hour in US dollars, such as 0.768";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<f64, Refusal>> {
        Some(
            Real.accept(scalar)?.and_then(|price| if price > 0.0 { Ok(price) } else { Err(Refusal::NotAPrice(price)) }),
        )
    }
}

/// One entry of `options`: a registered id not listed before, within [`MAX_OPTIONS`].
pub(super) struct OptionKey<'a> {
    pub(super) chosen: &'a [OptionId],
}

impl Rule for OptionKey<'_> {
    type Value = OptionId;
    const EXPECTED: &'static str = "a quoted option id such as \"vm\"";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<OptionId, Refusal>> {
        let Scalar::Text(key) = scalar else {
            return None;
        };
        let key = (*key).to_owned();
        if self.chosen.len() == MAX_OPTIONS {
            return Some(Err(Refusal::TooManyOptions(key)));
        }
        let Some(id) = OptionId::from_key(&key) else {
            let keys = REGISTRY.iter().map(|spec| spec.key);
            let hint = match suggest::closest_few(&key, keys.clone(), 2).as_slice() {
                [] => format!("expected one of: {}", keys.collect::<Vec<_>>().join(", ")),
                [one] => format!("did you mean `{one}`?"),
                [one, two, ..] => format!("did you mean `{one}` or `{two}`?"),
            };
            return Some(Err(Refusal::UnknownOption(key, hint)));
        };
        Some(if self.chosen.contains(&id) { Err(Refusal::RepeatedOption(key)) } else { Ok(id) })
    }
}

/// One of a choice field's words (`workload.primary_os`, `environment.kubernetes`, a
/// component's `purchase`).
pub(super) struct Word(pub(super) Words);

impl Rule for Word {
    type Value = &'static str;
    const EXPECTED: &'static str = "one of the field's words in quotes";

    fn expected(&self) -> String {
        let Some(noun) = self.0.expected else { return Self::EXPECTED.to_owned() };
        let quoted: Vec<String> = (self.0.all)().iter().map(|word| format!("\"{word}\"")).collect();
        format!("{noun} in quotes ({})", listed(&quoted, "or"))
    }

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<&'static str, Refusal>> {
        let Scalar::Text(text) = scalar else { return None };
        let words = (self.0.all)();
        Some(words.iter().find(|word| **word == *text).copied().ok_or_else(|| {
            let text = (*text).to_owned();
            if let Some(noun) = self.0.unknown {
                let hint = suggest::closest(&text, words.iter().copied()).map_or_else(
                    || format!("expected one of: {}", words.join(", ")),
                    |close| format!("did you mean {close:?}?"),
                );
                Refusal::UnknownWord(noun, text, hint)
            } else {
                let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
                Refusal::UnknownChoice(text, quoted.join(" or "))
            }
        }))
    }
}
