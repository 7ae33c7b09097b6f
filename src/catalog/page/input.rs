//! The "Your products" section: upload, paste, template and sample, the shared settings and
//! the target margin.

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
                <details class="optional-columns">
                    <summary>{ t.optional_title }</summary>
                    <p>{ t.optional_intro }</p>
                    <ul class="column-list">
                        { for cat::OPTIONAL_INPUTS.iter().map(|input| {
                            let label = input_label(self.lang, *input);
                            html! { <li><code>{ input.path() }</code>{ " · " }{ label }</li> }
                        }) }
                    </ul>
                    <p>{ fill_one(t.optional_assumptions, "assumptions.commission.home") }</p>
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
}
