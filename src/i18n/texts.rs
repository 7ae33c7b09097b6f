//! The set of strings every language must provide, grouped by where they appear on the page.
//!
//! Each table is a struct of `&'static str` fields, so a language file that leaves one out does not
//! compile. Templates mark their values `{0}`, `{1}`…; the English file (`en.rs`) is the reference
//! for what each one says, and the docs here say what each value is.

use sellercalc_engine::{CostGroup, LineItem, ModelKind};

/// A table of named strings, with [`entries`](ModelTexts::entries) listing them for tests.
macro_rules! text_table {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            $( $(#[doc = $field_doc:literal])* $field:ident, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug)]
        pub struct $name {
            $( $(#[doc = $field_doc])* pub $field: &'static str, )*
        }

        impl $name {
            /// Every string with its field name, for tests and translators.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field)),*]
            }

            /// Every field's name, in order.
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The table from a language pack: `get` answers each field name; `None` if one
            /// is missing (see [`crate::i18n::packs`]). The names are read from one list, so
            /// that each field costs the wasm a call, not a call with its own name.
            pub fn from_pack(get: &dyn Fn(&str) -> Option<&'static str>) -> Option<Self> {
                let mut texts = Self::FIELDS.iter().map(|field| get(field));
                Some(Self {
                    $( $field: texts.next()??, )*
                })
            }
        }
    };
}

// The share tables (share.rs) are built the same way.
pub(crate) use text_table;

/// `lang`'s constant `$table` from the language modules (`en`, `zh_cn`…) where it is called:
/// every language natively and in unit tests; in the shipped wasm only English is compiled in,
/// and the others come from their loaded pack's `$pack` field (English until it is loaded; see
/// [`crate::i18n::packs`]).
macro_rules! by_lang {
    ($lang:expr, $table:ident, $pack:ident) => {{
        let lang: Lang = $lang;
        match lang {
            Lang::En => &en::$table,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::ZhCn => &zh_cn::$table,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::Es => &es::$table,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::Ko => &ko::$table,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::PtBr => &pt_br::$table,
            #[cfg(any(test, not(target_arch = "wasm32")))]
            Lang::Fr => &fr::$table,
            #[cfg(all(not(test), target_arch = "wasm32"))]
            _ => $crate::i18n::packs::loaded(lang).map_or(&en::$table, |p| p.$pack),
        }
    }};
}

pub(crate) use by_lang;

/// A table of strings looked up by a stable id from the engine or the policy file.
macro_rules! keyed_table {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            $( $field:ident = $key:literal, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug)]
        pub struct $name {
            $( #[doc = concat!("`", $key, "`")] pub $field: &'static str, )*
        }

        impl $name {
            /// Every id the table covers, in order.
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            /// The string for `key`, if the table has it.
            pub fn get(&self, key: &str) -> Option<&'static str> {
                // A search of KEYS, rather than a `match` that compiles one comparison per id.
                let i = Self::KEYS.iter().position(|k| *k == key)?;
                [$(self.$field),*].get(i).copied()
            }

            /// Every string with its id, for tests and translators.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$(($key, self.$field)),*]
            }

            /// The table from a language pack: `get` answers each id; `None` if one is missing.
            /// The ids are read from [`KEYS`](Self::KEYS), as in `text_table!`.
            pub fn from_pack(get: &dyn Fn(&str) -> Option<&'static str>) -> Option<Self> {
                let mut texts = Self::KEYS.iter().map(|key| get(key));
                Some(Self {
                    $( $field: texts.next()??, )*
                })
            }
        }
    };
}

/// Every string of the page in one language.
#[derive(Debug)]
pub struct Texts {
    /// Names and plain explanations of POP, semi-managed, fully managed, JIT and Choice.
    pub models: ModelTexts,
    /// The page header and the language switcher.
    pub header: HeaderTexts,
    /// Preset names, by preset id.
    pub presets: PresetTexts,
    /// Page-level labels, the live summary and the results-currency toggle.
    pub page: PageTexts,
    /// The input column.
    pub inputs: InputTexts,
    /// A model's card.
    pub card: CardTexts,
    /// The recommendation banner.
    pub recommendation: RecommendationTexts,
    /// The end of the recommendation sentence, by the engine's main-reason key.
    pub reasons: ReasonTexts,
    /// Line-item labels by engine key.
    pub line_items: LineItemTexts,
    /// The "where each sale goes" chart.
    pub breakdown: BreakdownTexts,
    /// The "profit vs volume" chart.
    pub volume: VolumeTexts,
    /// The assumptions panel.
    pub assumptions: AssumptionTexts,
    /// Category names, by category id.
    pub categories: CategoryTexts,
    /// The page footer.
    pub footer: FooterTexts,
    /// Error messages, by engine error code, and for ambiguous numbers.
    pub errors: ErrorTexts,
    /// Warnings, by engine warning code.
    pub warnings: WarningTexts,
    /// The policy set in use and what changed.
    pub policy: PolicyTexts,
}

/// The engine's and the policy files' words in another language than English: rule templates,
/// policy value labels and notes, and the policies' source descriptions. English has no such
/// table: its words are the engine's (`sellercalc_engine::rule::english_template`) and the policy
/// set's own (`PolicyValue::label`, `::note`, `PolicySet::sources`), so there is one English.
#[derive(Debug)]
pub struct EngineTexts {
    /// The policy files' source descriptions, by source id.
    pub sources: SourceTexts,
    /// Policy value labels, by id pattern.
    pub value_labels: ValueLabelTexts,
    /// Policy value notes, by id pattern or the value's `note_key`.
    pub value_notes: ValueNoteTexts,
    /// The engine's rules, by rule id.
    pub rules: RuleTexts,
}

impl EngineTexts {
    /// The tables from a language pack: `get` answers `table.field` keys; `None` if any is
    /// missing.
    pub fn from_pack(get: &dyn Fn(&str) -> Option<&'static str>) -> Option<EngineTexts> {
        let table = |name: &'static str| move |key: &str| get(&format!("{name}.{key}"));
        Some(EngineTexts {
            sources: SourceTexts::from_pack(&table("sources"))?,
            value_labels: ValueLabelTexts::from_pack(&table("value_labels"))?,
            value_notes: ValueNoteTexts::from_pack(&table("value_notes"))?,
            rules: RuleTexts::from_pack(&table("rules"))?,
        })
    }

    /// Every string, as `table.field` with its text.
    pub fn entries(&self) -> Vec<(String, &'static str)> {
        let EngineTexts {
            sources,
            value_labels,
            value_notes,
            rules,
        } = self;
        [
            ("sources", sources.entries()),
            ("value_labels", value_labels.entries()),
            ("value_notes", value_notes.entries()),
            ("rules", rules.entries()),
        ]
        .into_iter()
        .flat_map(|(table, entries)| {
            entries
                .into_iter()
                .map(move |(key, text)| (format!("{table}.{key}"), text))
        })
        .collect()
    }
}

impl Texts {
    /// The whole table from a language pack: `get` answers `table.field` keys, as
    /// [`entries`](Texts::entries) names them; `None` if any is missing.
    pub fn from_pack(get: &dyn Fn(&str) -> Option<&'static str>) -> Option<Texts> {
        let table = |name: &'static str| move |key: &str| get(&format!("{name}.{key}"));
        Some(Texts {
            models: ModelTexts::from_pack(&table("models"))?,
            header: HeaderTexts::from_pack(&table("header"))?,
            presets: PresetTexts::from_pack(&table("presets"))?,
            page: PageTexts::from_pack(&table("page"))?,
            inputs: InputTexts::from_pack(&table("inputs"))?,
            card: CardTexts::from_pack(&table("card"))?,
            recommendation: RecommendationTexts::from_pack(&table("recommendation"))?,
            reasons: ReasonTexts::from_pack(&table("reasons"))?,
            line_items: LineItemTexts::from_pack(&table("line_items"))?,
            breakdown: BreakdownTexts::from_pack(&table("breakdown"))?,
            volume: VolumeTexts::from_pack(&table("volume"))?,
            assumptions: AssumptionTexts::from_pack(&table("assumptions"))?,
            categories: CategoryTexts::from_pack(&table("categories"))?,
            footer: FooterTexts::from_pack(&table("footer"))?,
            errors: ErrorTexts::from_pack(&table("errors"))?,
            warnings: WarningTexts::from_pack(&table("warnings"))?,
            policy: PolicyTexts::from_pack(&table("policy"))?,
        })
    }

    /// Every string, as `table.field` with its text, for tests and translators.
    pub fn entries(&self) -> Vec<(String, &'static str)> {
        // Destructured so that a new table cannot be left out of the checks.
        let Texts {
            models,
            header,
            presets,
            page,
            inputs,
            card,
            recommendation,
            reasons,
            line_items,
            breakdown,
            volume,
            assumptions,
            categories,
            footer,
            errors,
            warnings,
            policy,
        } = self;
        let tables: [(&str, Vec<(&'static str, &'static str)>); 17] = [
            ("models", models.entries()),
            ("header", header.entries()),
            ("presets", presets.entries()),
            ("page", page.entries()),
            ("inputs", inputs.entries()),
            ("card", card.entries()),
            ("recommendation", recommendation.entries()),
            ("reasons", reasons.entries()),
            ("line_items", line_items.entries()),
            ("breakdown", breakdown.entries()),
            ("volume", volume.entries()),
            ("assumptions", assumptions.entries()),
            ("categories", categories.entries()),
            ("footer", footer.entries()),
            ("errors", errors.entries()),
            ("warnings", warnings.entries()),
            ("policy", policy.entries()),
        ];
        tables
            .into_iter()
            .flat_map(|(table, entries)| {
                entries
                    .into_iter()
                    .map(move |(key, text)| (format!("{table}.{key}"), text))
            })
            .collect()
    }

    /// A model's name as a title: "Semi-managed".
    pub fn model_name(&self, kind: ModelKind) -> &'static str {
        match kind {
            ModelKind::Pop => self.models.pop,
            ModelKind::Semi => self.models.semi,
            ModelKind::Full => self.models.full,
        }
    }

    /// A model's name inside a sentence: "semi-managed" in English.
    pub fn model_in_sentence(&self, kind: ModelKind) -> &'static str {
        match kind {
            ModelKind::Pop => self.models.pop_in_sentence,
            ModelKind::Semi => self.models.semi_in_sentence,
            ModelKind::Full => self.models.full_in_sentence,
        }
    }

    /// What a model means, in one plain sentence.
    pub fn model_explanation(&self, kind: ModelKind) -> &'static str {
        match kind {
            ModelKind::Pop => self.models.pop_explanation,
            ModelKind::Semi => self.models.semi_explanation,
            ModelKind::Full => self.models.full_explanation,
        }
    }

    /// A line item's label, from its key and (for first-mile freight, which each model words
    /// differently) its rule; the engine's English label when the key is new.
    pub fn line_item(&self, item: &LineItem) -> &'static str {
        self.line_items
            .label(item.key, item.rule.id)
            .unwrap_or(item.label)
    }

    /// A cost group's name, as the breakdown chart labels it.
    pub fn cost_group(&self, group: CostGroup) -> &'static str {
        let b = &self.breakdown;
        match group {
            CostGroup::Product => b.product,
            CostGroup::Logistics => b.logistics,
            CostGroup::PlatformFees => b.platform_fees,
            CostGroup::Returns => b.returns,
            CostGroup::Marketing => b.marketing,
        }
    }

    /// The end of the recommendation sentence for the engine's `main_reason` key; an unknown key
    /// is worded from `label` (already translated) through the generic template.
    pub fn reason(&self, key: &str, label: &str) -> String {
        match self.reasons.get(key) {
            Some(text) => text.to_owned(),
            None => super::fill(self.recommendation.other_reason, |i| {
                (i == 0).then(|| super::lower(label))
            }),
        }
    }

    /// "{0} day" or "{0} days", filled with `days` (already formatted); `one` says whether the
    /// number is exactly 1.
    pub fn days(&self, days: &str, one: bool) -> String {
        let template = if one { self.card.day } else { self.card.days };
        super::fill(template, |i| (i == 0).then(|| days.to_owned()))
    }
}

text_table! {
    /// Names and plain explanations of the ways of selling.
    ModelTexts {
        /// Title of the POP model.
        pop,
        /// Title of the semi-managed model.
        semi,
        /// Title of the fully managed model.
        full,
        /// POP inside a sentence.
        pop_in_sentence,
        /// Semi-managed inside a sentence.
        semi_in_sentence,
        /// Fully managed inside a sentence.
        full_in_sentence,
        /// One sentence on what POP means.
        pop_explanation,
        /// One sentence on what semi-managed means.
        semi_explanation,
        /// One sentence on what fully managed means.
        full_explanation,
        /// One sentence on what JIT means.
        jit_explanation,
        /// One sentence on what Choice means.
        choice_explanation,
    }
}

text_table! {
    /// The page header and the language switcher.
    HeaderTexts {
        /// Under the title.
        tagline,
        /// Accessible label of the preset picker.
        preset_label,
        /// The preset picker's first option.
        preset_prompt,
        /// Label of the language switcher.
        language,
        /// Link to the catalog page (many products at once).
        catalog,
    }
}

keyed_table! {
    /// Preset names, by preset id.
    PresetTexts {
        phone_case = "phone-case",
        t_shirt = "t-shirt",
        kitchen_gadget = "kitchen-gadget",
        led_lamp = "led-lamp",
    }
}

text_table! {
    /// Page-level labels.
    PageTexts {
        /// Accessible name of the results column.
        results_label,
        /// Accessible name of the input column.
        inputs_label,
        /// In the live summary: {0} model name, {1} monthly profit.
        profit_a_month,
        /// After an amount per unit: "/unit".
        per_unit,
        /// After an amount per month: "/mo".
        per_month,
        /// The phone's sticky summary for a mix (issue #15): {0} how many markets (2 or more).
        markets_count,
        /// The results-currency toggle: {0} currency (code or name).
        show_results_in,
        /// Which currency the results are in: {0} currency (code or name).
        results_in,
        /// Joins clauses in one sentence (the chart summaries' parts): "; " in English.
        clause_separator,
        /// Joins items of a run-on list (a bar's cost parts): ", " in English.
        item_separator,
    }
}

text_table! {
    /// The input column.
    InputTexts {
        /// POP's early payout checkbox.
        early_payout,
        /// Its hint: {0} days after shipment.
        hint_early_payout,
        /// Accessible name of the form.
        form_label,
        /// Group title.
        product,
        /// Group title.
        sales,
        /// Group title.
        market,
        unit_cost,
        packaging,
        weight,
        /// The weight unit.
        grams,
        hint_weight,
        category,
        hint_category,
        /// The category hint when every category pays the same commission in the set in use: {0}
        /// that rate.
        hint_category_same,
        sale_price,
        hint_sale_price,
        monthly_units,
        destination,
        hint_destination,
        return_rate,
        hint_return_rate,
        /// Group title.
        currencies,
        /// After the currencies group title: {0} cost currency, {1} sale currency.
        currencies_summary,
        cost_currency,
        hint_cost_currency,
        sale_currency,
        hint_sale_currency,
        /// Exchange-rate label: {0} cost currency, {1} sale currency ("CNY per USD").
        rate,
        hint_rate,
        /// Shown in the empty rate input: {0} the default rate.
        rate_placeholder,
        /// {0} the policy's effective date.
        hint_rate_default,
        /// After a collapsed group's title: {0} how many fields have a problem.
        to_fix,
        /// Group title.
        pop_settings,
        /// After the POP group title.
        pop_summary,
        advertising,
        /// The advertising input's unit.
        percent_of_price,
        affiliate_share,
        affiliate_rate,
        hint_affiliate_rate,
        /// Group title.
        semi_settings,
        /// After the semi-managed group title (its price and marketing).
        semi_summary,
        hint_semi_price,
        semi_mode,
        /// The warehouse option of the semi-managed mode.
        mode_warehouse,
        /// The JIT option of the semi-managed mode.
        mode_jit,
        hint_semi_mode,
        popular,
        /// {0} the advance-payment percentage.
        hint_popular,
        supply_price,
        hint_supply_price,
        /// Placeholder of an empty semi-managed marketing input: {0} POP's value.
        same_as_pop,
        /// Under the semi-managed marketing inputs.
        hint_semi_marketing,
        // ---- Issue #15 (logistics v2): parcel size, POP's shipping line, buyer-paid shipping ----
        /// Heading of the three optional sides of the packed parcel.
        parcel_size,
        /// Under the three sides.
        hint_parcel_size,
        /// A side of the parcel.
        length,
        /// A side of the parcel.
        width,
        /// A side of the parcel.
        height,
        /// The sides' unit: "cm".
        centimetres,
        /// POP's shipping line (a drop-down of logistics services).
        pop_shipping,
        /// Under the shipping line: {0} the market's name.
        hint_pop_shipping,
        /// What the buyer pays for shipping per order (POP).
        shipping_charge,
        /// Under the buyer-paid shipping.
        hint_shipping_charge,
        /// Above the rows of a mix of markets.
        markets,
        /// Under the rows of a mix of markets.
        hint_markets,
        /// The button that adds a market to the mix.
        add_market,
        /// A remove button's accessible name: {0} the market.
        remove_market,
        /// A market drop-down's accessible name: {0} its position, from 1.
        market_of,
        /// A share input's accessible name: {0} the market.
        share_of,
    }
}

text_table! {
    /// A model's card.
    CardTexts {
        /// Badge of the model that earns most.
        best,
        fix_to_see,
        stale,
        /// The headline: {0} profit per unit (the page wraps it in `<strong>`; see `around`).
        you_keep,
        a_month,
        margin,
        break_even,
        /// Break-even for fully managed, which is a supply price.
        break_even_supply,
        /// When there is no break-even price.
        none,
        money_back_in,
        /// {0} the number 1.
        day,
        /// {0} a number of days other than 1.
        days,
        why,
        /// Table caption: {0} model name.
        per_unit_sold,
        you_are_paid,
        /// Beside a waived fee: {0} the amount saved.
        saves,
        profit_per_unit,
        units_a_month,
        includes_uplift,
        money_tied_up,
        /// After the cash rule: {0} upfront costs per unit.
        money_tied_up_rule,
        /// Margin label for POP and semi-managed: profit as a share of the sale price.
        margin_of_price,
        /// Margin label for fully managed: profit as a share of the supply price.
        margin_of_supply,
        /// Profit per unit as a share of unit cost + packaging.
        roi,
        /// Monthly profit per 100 tied up: {0} the amount 100 in the currency.
        return_on_capital,
        /// Under the sale price where VAT is added at checkout: {0} what the buyer pays, {1} the
        /// VAT rate.
        buyer_pays,
        /// Where the order is above the VAT-at-checkout limit.
        vat_at_import,
        /// Heading of the cash timeline in "why?".
        timeline,
        /// The timeline's first column.
        day_column,
        /// A timeline row: {0} the day number.
        timeline_day,
        /// Timeline event: the goods are bought.
        moment_purchase,
        /// Timeline event: the advance payment arrives.
        moment_advance,
        /// Timeline event: the unit ships.
        moment_shipping,
        /// Timeline event: the payout.
        moment_payout,
        /// Timeline column: money paid out.
        paid_out,
        /// Timeline column: money received.
        paid_in,
        /// Timeline column: money tied up after the event.
        tied,
    }
}

text_table! {
    /// Warnings: valid inputs that are probably not what the seller meant, or values never
    /// entered.
    WarningTexts {
        /// {0} the supply price, {1} the retail price it would sell at.
        supply_above_retail,
        fractional_volume,
        /// {0} the estimated supply price, {1} its share of the retail price.
        estimated,
        /// A short mark on the fully managed card when its supply price is estimated.
        estimated_short,
    }
}

text_table! {
    /// Which policy set (AliExpress's fees as of a date) the figures use, and what changed.
    PolicyTexts {
        /// {0} the set's date, written for the language.
        fees_as_of,
        /// The drop-down's accessible label.
        choose_set,
        /// An option for the newest set: {0} its date.
        newest_option,
        /// An option for an older set: {0} its date.
        older_option,
        /// When the set in use is not the newest: {0} its date, {1} the newest set's date.
        not_newest,
        /// Button that switches to the newest set.
        use_newest,
        /// Summary of the changes list: {0} the set's date.
        what_changed,
        /// One changed value: {0} its label, {1} the earlier value, {2} this set's value.
        changed_value,
        /// A value the earlier set did not have: {0} its label, {1} its value.
        new_value,
        /// A value whose default stayed while its basis changed (its note says how): {0} its
        /// label, {1} its value.
        restated_value,
        /// Before the per-model profit changes: {0} the earlier set's date.
        profit_moves,
        /// One model's change: {0} the model, {1} the signed monthly change.
        model_moves,
        /// When a model's monthly profit does not change.
        no_change,
        /// For the first set, which has nothing earlier.
        first_set,
        /// A link or save names fees this page does not know: {0} their id.
        unknown_set,
    }
}

text_table! {
    /// The recommendation banner.
    RecommendationTexts {
        /// When the recommendation rests on fully managed's estimated supply price.
        rests_on_estimate,
        /// {0} best model (title), {1} monthly advantage, {2} runner-up (in a sentence),
        /// {3} the reason from [`ReasonTexts`].
        earns_more,
        /// {0} best model (title), {1} runner-up (in a sentence).
        same,
        /// {0} best model (in a sentence).
        no_profit,
        fix_to_see,
        stale,
        /// Reason for a key the table does not know: {0} the line item's label.
        other_reason,
    }
}

keyed_table! {
    /// The end of the recommendation sentence, by the engine's `main_reason` key.
    ReasonTexts {
        revenue = "revenue",
        product_cost = "product_cost",
        packaging = "packaging",
        first_mile = "first_mile",
        last_mile = "last_mile",
        commission = "commission",
        service_fee = "service_fee",
        affiliate = "affiliate",
        advertising = "advertising",
        payment_conversion = "payment_conversion",
        refunds = "refunds",
        return_shipping = "return_shipping",
        returns_resold = "returns_resold",
        warehouse_pickup = "warehouse_pickup",
        warehouse_operation = "warehouse_operation",
        warehouse_rent = "warehouse_rent",
        fees_refunded = "fees_refunded",
    }
}

text_table! {
    /// Line-item labels by engine key; first-mile freight has one per model.
    LineItemTexts {
        revenue,
        product_cost,
        packaging,
        first_mile_pop,
        first_mile_semi_warehouse,
        first_mile_semi_jit,
        first_mile_full,
        last_mile,
        commission,
        service_fee,
        affiliate,
        advertising,
        payment_conversion,
        refunds,
        return_shipping,
        returns_resold,
        warehouse_pickup,
        warehouse_operation,
        warehouse_rent,
        fees_refunded,
    }
}

impl LineItemTexts {
    /// The label for a line item `key`; `rule_id` tells the first-mile variants apart.
    pub fn label(&self, key: &str, rule_id: &str) -> Option<&'static str> {
        Some(match key {
            "revenue" => self.revenue,
            "product_cost" => self.product_cost,
            "packaging" => self.packaging,
            "first_mile" => match rule_id {
                "first_mile.semi_warehouse" => self.first_mile_semi_warehouse,
                "first_mile.semi_jit" => self.first_mile_semi_jit,
                "first_mile.full" => self.first_mile_full,
                _ => self.first_mile_pop,
            },
            "last_mile" => self.last_mile,
            "commission" => self.commission,
            "service_fee" => self.service_fee,
            "affiliate" => self.affiliate,
            "advertising" => self.advertising,
            "payment_conversion" => self.payment_conversion,
            "refunds" => self.refunds,
            "return_shipping" => self.return_shipping,
            "returns_resold" => self.returns_resold,
            "warehouse_pickup" => self.warehouse_pickup,
            "warehouse_operation" => self.warehouse_operation,
            "warehouse_rent" => self.warehouse_rent,
            "fees_refunded" => self.fees_refunded,
            _ => return None,
        })
    }
}

text_table! {
    /// The "where each sale goes" chart.
    BreakdownTexts {
        /// Cost group.
        product,
        /// Cost group.
        logistics,
        /// Cost group.
        platform_fees,
        /// Cost group.
        returns,
        /// Cost group.
        marketing,
        profit,
        loss,
        /// Legend entry for the revenue mark.
        what_you_are_paid,
        /// Tooltip of the revenue mark: {0} revenue per unit.
        what_you_are_paid_value,
        /// Tooltip: {0} label, {1} amount.
        label_value,
        /// Tooltip: {0} label, {1} amount, {2} share of revenue.
        label_value_share,
        /// {0} model (in a sentence), {1} share of revenue.
        model_share,
        /// {0} the parts, each from `biggest_part`, joined by `; `.
        biggest_cost,
        /// {0} cost group (lower-cased), {1} list of models.
        biggest_part,
        /// {0} model (title), {1} loss per sale.
        loses_one,
        /// {0} list of models (in a sentence; the page capitalises the first letter).
        lose_many,
        /// Accessible bar summary: {0} model, {1} revenue, {2} the parts from `bar_part`
        /// joined by `, `, {3} the outcome.
        bar_summary,
        /// {0} cost group (lower-cased), {1} amount.
        bar_part,
        /// {0} loss per unit.
        outcome_loss,
        /// {0} profit per unit.
        outcome_profit,
        fix_to_see,
        /// {0} currency.
        caption,
        /// {0} currency.
        table_caption,
        /// Table column.
        model,
        /// Table column.
        paid_to_you,
    }
}

text_table! {
    /// The "profit vs volume" chart.
    VolumeTexts {
        fix_to_compare,
        /// {0} model (title), {1} model (in a sentence), {2} units.
        same_at,
        /// {0} model (title).
        earns_more_always,
        /// {0} model (title).
        loses_least_always,
        /// {0} list of models (first as a title, the rest in a sentence).
        earn_most_always,
        /// {0} list of models (first as a title, the rest in a sentence).
        lose_least_always,
        /// {0} model, {1} monthly profit, {2} units.
        line_title,
        /// {0} model (title), {1} model (in a sentence), {2} units, {3} monthly profit.
        crossing_title,
        /// Beside the tick at today's volume.
        now,
        your_volume_now,
        lines_cross,
        /// {0} model, {1} monthly profit, {2} units.
        summary_item,
        /// {0} units, {1} the items from `summary_item` joined by `; `, {2} the verdict.
        summary,
        /// {0} currency.
        caption,
        x_title,
        /// {0} currency.
        table_caption,
        /// {0} units.
        units,
        /// {0} units.
        units_now,
    }
}

text_table! {
    /// The assumptions panel.
    AssumptionTexts {
        title,
        /// {0} how many values were changed.
        changed,
        /// {0} the number 1.
        problem,
        /// {0} a number of problems other than 1.
        problems,
        /// {0} policy name, {1} version, {2} effective date.
        intro,
        /// {0} the Assumption badge (the page renders it; see `around`).
        marked,
        /// Badge.
        assumption,
        /// Badge.
        source,
        reset_all,
        reset,
        /// Beside a changed value.
        changed_mark,
        /// Accessible label of a reset button: {0} value label, {1} default.
        reset_label,
        /// {0} the source's description.
        source_text,
        group_commission,
        group_postage_pop,
        group_postage_choice,
        group_first_mile,
        group_warehouse,
        group_advance_traffic,
        group_returns,
        group_timing,
        group_payment,
        group_exchange_rates,
        group_other,
        other_categories,
        other_destinations,
        /// Unit: {0} currency.
        unit_per_kg,
        /// Unit: {0} currency.
        unit_per_parcel,
        /// Unit: {0} currency.
        unit_per_unit,
        /// Unit.
        unit_days,
    }
}

impl AssumptionTexts {
    /// A group's title by the slug the panel uses (`commission`, `postage-pop`, …).
    pub fn group(&self, slug: &str) -> Option<&'static str> {
        Some(match slug {
            "commission" => self.group_commission,
            "postage-pop" => self.group_postage_pop,
            "postage-choice" => self.group_postage_choice,
            "first-mile" => self.group_first_mile,
            "warehouse" => self.group_warehouse,
            "advance-traffic" => self.group_advance_traffic,
            "returns" => self.group_returns,
            "timing" => self.group_timing,
            "payment" => self.group_payment,
            "exchange-rates" => self.group_exchange_rates,
            "other" => self.group_other,
            _ => return None,
        })
    }

    /// "{0} problem" or "{0} problems", filled with `count` (already formatted).
    pub fn problems(&self, count: &str, one: bool) -> String {
        let template = if one { self.problem } else { self.problems };
        super::fill(template, |i| (i == 0).then(|| count.to_owned()))
    }
}

keyed_table! {
    /// The policy file's source descriptions, by source id.
    SourceTexts {
        seed = "seed",
        ebrun = "ebrun",
        ratesheet = "ratesheet",
        public = "public",
        assumption = "assumption",
        commission2024 = "commission2024",
        ebrun2025 = "ebrun2025",
        affiliate = "affiliate",
        payout = "payout",
        withdrawal = "withdrawal",
        vat = "vat",
        ioss = "ioss",
        glosellers2025 = "glosellers2025",
        logistics = "logistics",
    }
}

text_table! {
    /// Policy value labels, by id pattern; `value_label` picks one and fills it.
    ValueLabelTexts {
        /// `commission.{category}`: {0} category name.
        commission,
        semi_warehouse_waiver,
        semi_jit_waiver,
        service_fee,
        service_fee_waiver_warehouse,
        service_fee_waiver_jit,
        conversion_fee,
        /// `vat.{destination}.rate`: {0} destination name.
        vat_rate,
        vat_eu_threshold,
        vat_gb_threshold,
        /// `postage.{standard|economy}.{destination}.{band}.per_kg`: {0} destination name, with
        /// the service and the band.
        postage_pop_per_kg,
        /// {0} destination name.
        postage_pop_per_parcel,
        /// `postage.choice.{destination}.{band}.per_kg`: {0} destination name, with the band.
        postage_choice_per_kg,
        /// {0} destination name.
        postage_choice_per_parcel,
        /// `logistics.{service}.volumetric_divisor`: {0} service name.
        volumetric_divisor,
        /// `logistics.{service}.max_side_cm`: {0} service name.
        max_side,
        first_mile_pop_per_kg,
        first_mile_pop_per_parcel,
        first_mile_cainiao_bulk_per_kg,
        first_mile_cainiao_bulk_per_parcel,
        first_mile_semi_jit_per_kg,
        first_mile_semi_jit_per_parcel,
        warehouse_pickup_fee,
        warehouse_operation_fee,
        warehouse_rent,
        warehouse_fee_waiver,
        advance_payment,
        advance_base,
        traffic_uplift,
        supply_share,
        /// `cash.{model}.postage_deducted`: {0} model (in a sentence).
        postage_deducted,
        /// `returns.{model}.refund_borne`: {0} model (in a sentence).
        refund_borne,
        /// `returns.{model}.commission_back`: {0} model (in a sentence).
        commission_back,
        /// {0} model (in a sentence).
        affiliate_back,
        /// {0} model (in a sentence).
        conversion_back,
        /// {0} model (in a sentence).
        return_shipping,
        /// {0} model (in a sentence).
        unsellable,
        days_pop_stock,
        days_pop_delivery,
        days_pop_confirmation,
        days_pop_payout,
        days_pop_early_payout,
        days_semi_jit_stock,
        days_semi_jit_delivery,
        days_semi_warehouse_stock,
        days_semi_warehouse_delivery,
        days_semi_payout,
        days_semi_advance,
        days_full_stock,
        days_full_delivery,
        days_full_payout,
        // ---- Issue #15, item 7: delivery days in Cainiao's five-day markets ----
        days_semi_warehouse_delivery_five_day,
        days_full_delivery_five_day,
        /// `fx.{currency}`: {0} policy currency, {1} the currency.
        fx,
    }
}

text_table! {
    /// Policy value notes, by id pattern; `value_note` picks one.
    ValueNoteTexts {
        /// A category whose rate the partial 2024 table lists.
        commission_listed,
        /// A category whose rate it does not show.
        commission_assumed,
        /// After the February 2025 split, for a category the 2024 table lists.
        commission_split_listed,
        /// After the split, for a category it does not show.
        commission_split_assumed,
        /// A category whose rate changed in August 2025 to an unpublished value.
        commission_changed,
        /// Home & garden in 2024: which subcategories the table shows at 5%.
        commission_home_2024,
        /// Consumer electronics in 2024.
        commission_electronics_2024,
        /// Phone accessories in 2024.
        commission_phones_2024,
        /// Bags & shoes in 2024.
        commission_shoes_2024,
        /// After the split, for a category some of whose subcategories were 5%.
        commission_split_mixed,
        semi_warehouse_waiver,
        semi_jit_waiver,
        /// The service fee before February 2025 (none).
        service_fee_none,
        /// The service fee since February 2025.
        service_fee,
        /// Whether the semi-managed waivers cover the service fee.
        service_fee_waiver,
        conversion_fee,
        vat_rate,
        /// The EU and UK thresholds.
        vat_threshold,
        postage_pop_per_kg,
        postage_pop_per_parcel,
        postage_choice,
        /// A weight band without a published rate, which takes the nearest band's.
        postage_band_assumed,
        /// Super Economy Global's published rates.
        postage_economy,
        volumetric_divisor,
        max_side,
        first_mile_pop_per_kg,
        first_mile_pop_per_parcel,
        first_mile_cainiao_bulk_per_kg,
        first_mile_cainiao_bulk_per_parcel,
        first_mile_semi_jit_per_kg,
        first_mile_semi_jit_per_parcel,
        warehouse_pickup_fee,
        warehouse_operation_fee,
        warehouse_rent,
        warehouse_fee_waiver,
        advance_payment,
        advance_base,
        traffic_uplift,
        supply_share,
        postage_deducted_pop,
        postage_deducted_semi,
        returns_pop,
        returns_semi,
        returns_full,
        commission_back,
        affiliate_back,
        conversion_back,
        days_pop_stock,
        days_pop_delivery,
        days_pop_confirmation,
        days_pop_payout,
        days_pop_early_payout,
        days_semi_jit_stock,
        days_semi_jit_delivery,
        days_semi_warehouse_stock,
        days_semi_warehouse_delivery,
        /// Semi-managed and fully managed payout.
        days_choice_payout,
        days_semi_advance,
        days_full_stock,
        days_full_delivery,
        // ---- Issue #15, item 7: delivery days in Cainiao's five-day markets ----
        /// `days.{model}.delivery_five_day`.
        days_five_day,
        fx,
    }
}

keyed_table! {
    /// Category names, by category id.
    CategoryTexts {
        home = "home",
        apparel = "apparel",
        phone_accessories = "phone_accessories",
        consumer_electronics = "consumer_electronics",
        lighting = "lighting",
        beauty = "beauty",
        toys = "toys",
        sports = "sports",
        jewelry = "jewelry",
        bags_shoes = "bags_shoes",
        automotive = "automotive",
        other = "other",
    }
}

text_table! {
    /// The page footer.
    FooterTexts {
        /// {0} policy id, {1} version, {2} effective date.
        policy,
        disclaimer,
    }
}

text_table! {
    /// Error messages, by engine error code, and for numbers the page cannot read.
    ErrorTexts {
        /// `Required`.
        required,
        /// `NotANumber`: {0} and {1} example numbers, formatted for the locale.
        not_a_number,
        /// `TooPrecise`: {0} the most decimal places allowed.
        too_precise,
        /// `TooLong`: {0} the most characters allowed.
        too_long,
        /// `WrongType`.
        wrong_type,
        /// `Negative`.
        negative,
        /// `NotPositive`.
        not_positive,
        /// `TooLarge`: {0} the largest value allowed.
        too_large,
        /// A policy percentage's limit inside `too_large`: {0} the number ("100%").
        percent_limit,
        /// `TooLarge` for a percentage.
        too_large_percent,
        /// `TooLarge` beyond exact arithmetic.
        too_large_to_calculate,
        /// `UnknownValue`.
        unknown_value,
        /// `UnknownField`.
        unknown_field,
        /// `Inconsistent`.
        inconsistent,
        /// `Inconsistent` on the exchange rate.
        inconsistent_rate,
        /// `Overflow`.
        overflow,
        /// `BeyondCents`, at each field of the combination.
        beyond_cents,
        /// An ambiguous number with one reading: {0} that reading, formatted for the locale.
        ambiguous_one,
        /// An ambiguous number with two readings: {0} and {1}, formatted for the locale.
        ambiguous_two,
        // ---- Issue #15 (logistics v2): a logistics service's limits and markets ----
        /// A parcel heavier than a service takes: {0} the service and its model, {1} the limit.
        above_weight_limit,
        /// A side longer than a service takes: {0} the service and its model, {1} the limit.
        above_side_limit,
        /// A parcel heavier by volume than a service takes: {0} the service and its model, {1}
        /// the limit in weight.
        above_volume_limit,
        /// POP's shipping line has no rates for the market: {0} the line, {1} the market.
        line_misses_market,
        /// `destination` and `destinations` given together.
        destination_and_mix,
        /// A market listed twice in `destinations`: {0} the market, {1} its first position, from 1.
        duplicate_market,
        /// The shares of `destinations` do not add up to 100: {0} what they add up to.
        shares_not_hundred,
        // ---- Issue #15: an empty mix, a market not chosen ----
        /// `destinations` given with no market.
        mix_empty,
        /// A market of a mix without its code.
        market_required,
    }
}

keyed_table! {
    /// The engine's rules, by rule id, with the same `{n}` as `rule::english_template`.
    RuleTexts {
        goods_product = "goods.product",
        goods_packaging = "goods.packaging",
        first_mile_pop = "first_mile.pop",
        first_mile_semi_warehouse = "first_mile.semi_warehouse",
        first_mile_semi_jit = "first_mile.semi_jit",
        first_mile_full = "first_mile.full",
        last_mile = "last_mile",
        weight_actual = "weight.actual",
        weight_stepped = "weight.stepped",
        weight_volumetric = "weight.volumetric",
        weight_volumetric_stepped = "weight.volumetric_stepped",
        commission_pop = "commission.pop",
        commission_pop_order_total = "commission.pop.order_total",
        commission_semi_warehouse = "commission.semi_warehouse",
        commission_semi_jit = "commission.semi_jit",
        commission_full = "commission.full",
        service_fee = "service_fee",
        service_fee_order_total = "service_fee.order_total",
        service_fee_waived = "service_fee.waived",
        affiliate = "affiliate",
        advertising = "advertising",
        conversion_none = "conversion.none",
        conversion_fee = "conversion.fee",
        conversion_fee_order_total = "conversion.fee.order_total",
        refunds_sale = "refunds.sale",
        refunds_order_total = "refunds.order_total",
        refunds_supply = "refunds.supply",
        return_shipping = "return_shipping",
        returns_resold_none = "returns_resold.none",
        returns_resold_credit = "returns_resold.credit",
        fees_refunded = "fees_refunded",
        warehouse_fee = "warehouse_fee",
        revenue_same_currency = "revenue.same_currency",
        revenue_converted = "revenue.converted",
        revenue_shipping = "revenue.shipping",
        revenue_shipping_converted = "revenue.shipping_converted",
        revenue_supply = "revenue.supply",
        revenue_supply_estimated = "revenue.supply_estimated",
        cash_stock = "cash.stock",
        cash_confirmation = "cash.confirmation",
        cash_early_payout = "cash.early_payout",
        cash_advance = "cash.advance",
        mix = "mix",
        mix_share = "mix.share",
        // ---- Issue #15, item 7: delivery days per market ----
        cash_five_day = "cash.five_day",
        mix_cash = "mix.cash",
        mix_days = "mix.days",
    }
}

impl RuleTexts {
    /// The template for rule `id`, with `{0}`, `{1}`… for its arguments.
    pub fn rule_template(&self, id: &str) -> Option<&'static str> {
        self.get(id)
    }
}
