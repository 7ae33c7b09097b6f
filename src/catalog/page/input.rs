//! The "Your products" section: upload, paste, template and sample, the shared settings, the
//! set of AliExpress fees and the target margin.

use super::*;

impl CatalogPage {
    pub(super) fn input_section(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let link = ctx.link();
        let on_file = link.callback(|e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            // Picking the same file again must fire `change` again.
            input.set_value("");
            Msg::Upload(file)
        });
        let on_paste = link.callback(|e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            Msg::Paste(area.value())
        });
        let on_target = link.callback(|e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Msg::Target(input.value())
        });
        let columns: Vec<String> = MAIN_COLUMNS.iter().map(|(_, h)| (*h).to_owned()).collect();
        let columns = i18n::and_list(self.lang, &columns);
        let target_issue = read_target(self.lang, &self.target_text).err();
        let summary = self.base.summary(&self.locale(), self.file.as_ref());
        html! {
            <section class="catalog-input" aria-labelledby="input-title">
                <h2 id="input-title">{ t.input_title }</h2>
                <p>{ t.intro }</p>
                <div class="load-row">
                    <label class="tool primary file-button" for="catalog-file">{ t.upload }</label>
                    <input type="file" id="catalog-file" class="visually-hidden-file" accept=".csv,.tsv,.txt,text/csv,text/plain"
                        data-testid="catalog-file" onchange={on_file} aria-describedby="upload-hint" />
                    <button type="button" class="tool" data-testid="catalog-try-sample"
                        onclick={link.callback(|_| Msg::TrySample)}>{ t.try_sample }</button>
                    <button type="button" class="tool" data-testid="catalog-template"
                        onclick={link.callback(|_| Msg::Download(Download::Template))}>{ t.template }</button>
                    <button type="button" class="tool" data-testid="catalog-sample"
                        onclick={link.callback(|_| Msg::Download(Download::Sample))}>{ t.sample }</button>
                </div>
                <p class="hint" id="upload-hint">{ t.upload_hint }</p>
                <p class="hint">{ fill_one(t.columns_help, &columns) }</p>
                <p class="hint">{ t.supply_optional }</p>
                <details class="optional-columns">
                    <summary>{ t.optional_title }</summary>
                    <p>{ t.optional_intro }</p>
                    <ul class="column-list" data-testid="catalog-optional-columns">
                        { for cat::OPTIONAL_INPUTS.iter().map(|input| {
                            let label = input_label(self.lang, *input);
                            let header = cat::optional_header(*input).unwrap_or_default();
                            html! {
                                <li><code>{ header }</code>{ " · " }<code>{ input.path() }</code>{ " · " }{ label }</li>
                            }
                        }) }
                        // Several markets per row (issue #15).
                        <li><code>{ "Markets" }</code>{ " · " }<code>{ cat::MIX_ALIASES[0] }</code>{ " · " }{ t.mix_column }</li>
                    </ul>
                    <p>{ fill_one(t.optional_assumptions, "assumptions.commission.home") }</p>
                    <p>{ t.optional_semi_marketing }</p>
                </details>
                <div class="paste">
                    <label for="catalog-paste">{ t.paste_label }</label>
                    <textarea id="catalog-paste" rows="4" data-testid="catalog-paste" spellcheck="false"
                        placeholder={t.paste_placeholder} value={self.paste.clone()} oninput={on_paste} />
                    <button type="button" class="tool" data-testid="catalog-compare-pasted"
                        onclick={link.callback(|_| Msg::ComparePasted)}>{ t.compare_pasted }</button>
                </div>
                <div class="shared-settings">
                    <p>
                        { if summary.is_empty() { String::new() } else {
                            fill_one(t.settings, &summary.join(" · "))
                        } }
                        { " " }
                        if !self.base.from_calculator { { t.settings_default } { " " } }
                        <a href="../">{ t.settings_link }</a>
                    </p>
                    { self.fees_choice(ctx) }
                    <div class={classes!("field", "target", target_issue.is_some().then_some("invalid"))}>
                        <label for="catalog-target">{ t.target_label }</label>
                        <div class="control">
                            <input id="catalog-target" type="text" inputmode="decimal" data-testid="catalog-target"
                                value={self.target_text.clone()} oninput={on_target}
                                aria-invalid={target_issue.is_some().to_string()}
                                aria-describedby="catalog-target-note" />
                            <span class="unit">{ "%" }</span>
                        </div>
                        if let Some(issue) = target_issue {
                            <p class="error" id="catalog-target-note" role="alert">{ issue }</p>
                        } else {
                            <p class="hint" id="catalog-target-note">{ t.target_hint }</p>
                        }
                    </div>
                </div>
            </section>
        }
    }

    /// The set of AliExpress fees every row uses: a selector of the built-in sets, newest first,
    /// set to the calculator's unless the user picks another here, and what that choice means.
    fn fees_choice(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let locale = self.locale();
        let words = &self.lang.texts().policy;
        let date = |set: &PolicySet| format::date(&locale, &set.effective_date);
        let policy = self.policy();
        let newest = PolicySet::newest();
        let mut sets: Vec<&'static PolicySet> = PolicySet::builtin().iter().collect();
        sets.sort_by(|a, b| b.effective_date.cmp(&a.effective_date));
        let on_change = ctx.link().callback(|e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            Msg::Policy(select.value())
        });
        let mut notes = Vec::new();
        if policy.id == self.base.policy.id {
            notes.push(t.fees_calculator.to_owned());
        } else {
            notes.push(fill_one(t.fees_calculator_other, &date(self.base.policy)));
        }
        if let Some(newest) = newest.filter(|n| n.id != policy.id) {
            notes.push(fill_all(words.not_newest, &[date(policy), date(newest)]));
        }
        let left_out = self.base.left_out(policy);
        if !left_out.is_empty() {
            notes.push(fill_one(t.fees_left_out, &left_out.join(", ")));
        }
        let note = notes.iter().fold(String::new(), |mut all, n| {
            if !all.is_empty() {
                all.push_str(i18n::sentence_gap(&all));
            }
            all.push_str(n);
            all
        });
        html! {
            <div class="field select fees">
                <label for="catalog-policy">{ words.choose_set }</label>
                <select id="catalog-policy" data-testid="catalog-policy-select" onchange={on_change}
                    aria-describedby="catalog-policy-note">
                    { for sets.into_iter().map(|set| {
                        let template = if newest.is_some_and(|n| n.id == set.id) {
                            words.newest_option
                        } else {
                            words.older_option
                        };
                        html! {
                            <option value={set.id.clone()} selected={set.id == policy.id}>
                                { fill_one(template, &date(set)) }
                            </option>
                        }
                    }) }
                </select>
                <p class="hint" id="catalog-policy-note" data-testid="catalog-policy-note">{ note }</p>
            </div>
        }
    }
}
