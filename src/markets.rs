//! Several markets on the page (issue #15, item 6): the destination field holds either one
//! market's code (`ES`) or a mix, `ES:60|US:40` (each market's code and its share in percent, as
//! typed). Links, saves and embeds carry that one text like any other input, so a mix is one link
//! parameter covered by the check code, and a link without a mix keeps its meaning.

use sellercalc_engine::{markets_from_text, ScenarioInput};

use crate::i18n::{read_decimal, Lang};

/// The most markets a mix text is read with (more than any policy has).
const MAX_MARKETS: usize = 32;

/// Whether a destination text is a mix rather than one market's code.
pub fn is_mix(text: &str) -> bool {
    text.contains(['|', ':'])
}

/// A destination text's markets: (code, share as typed); one market alone has an empty share.
pub fn parse(text: &str) -> Vec<(String, String)> {
    text.split('|')
        .take(MAX_MARKETS)
        .map(|part| match part.split_once(':') {
            Some((code, share)) => (code.trim().to_owned(), share.trim().to_owned()),
            None => (part.trim().to_owned(), String::new()),
        })
        .collect()
}

/// The destination text of `markets`: a mix, or one market's code when it is alone.
pub fn compose(markets: &[(String, String)]) -> String {
    match markets {
        [(code, _)] => code.clone(),
        _ => markets
            .iter()
            .map(|(code, share)| format!("{code}:{}", clean_share(share)))
            .collect::<Vec<_>>()
            .join("|"),
    }
}

/// A share as typed, without the characters that separate the markets.
pub fn clean_share(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '|' | ':')).collect()
}

/// Gives the engine the mix a destination text holds (each share read in `lang`), read by the
/// engine's one grammar for it, which a catalog's `destinations` column shares.
pub fn give(input: &mut ScenarioInput, text: &str, lang: Lang) {
    input.give_destinations(markets_from_text(text, |share| read_decimal(lang, share)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mix_reads_and_writes_back() {
        let text = "ES:60|US:40";
        assert!(is_mix(text));
        assert!(!is_mix("ES"));
        let markets = parse(text);
        assert_eq!(
            markets,
            [("ES".into(), "60".into()), ("US".into(), "40".into())]
        );
        assert_eq!(compose(&markets), text);
        assert_eq!(compose(&markets[..1]), "ES");
        assert_eq!(clean_share("6|0:"), "60");
    }

    #[test]
    fn the_engine_mixes_what_the_page_holds() {
        let mut input = ScenarioInput::new();
        give(&mut input, "ES:60|US:40", Lang::En);
        let comparison = sellercalc_engine::compare_input(&input);
        assert!(comparison.ok(), "{:?}", comparison.errors);
        let postage = comparison
            .model(sellercalc_engine::ModelKind::Pop)
            .and_then(|m| m.item("last_mile"))
            .map(|i| i.amount);
        assert_eq!(postage, Some("47.4597".parse().expect("a decimal")));
        let mut bad = ScenarioInput::new();
        give(&mut bad, "ES:60|US:", Lang::En);
        let paths: Vec<String> = sellercalc_engine::compare_input(&bad)
            .errors
            .iter()
            .map(|e| e.path().into_owned())
            .collect();
        assert_eq!(paths, ["destinations[1].share_pct"]);
    }
}
