//! Notices: what went wrong with a link or with storage, said plainly and dismissible. Every
//! notice's wording is in [`Message::text`]; a notice about something kept for the user offers
//! what can be done with it ([`actions`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::share::{fill_one, share_texts};
use crate::i18n::{sentence_gap, texts, Lang};
use crate::share::Unreadable;
use crate::{export, storage};

/// Something the user should know about, which the page recovered from.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// The link could not be read; the defaults show instead.
    LinkUnreadable(Unreadable),
    /// Some link parameters were not understood and were left out.
    LinkIgnored(Vec<String>),
    /// The last session could not be restored.
    AutosaveUnreadable,
    /// The last session was not restored: the page stopped while it restored it. Its stored
    /// text, to download.
    RestoreSkipped(Rc<str>),
    /// The saved scenarios could not be read.
    LibraryUnreadable,
    /// The saved scenarios come from a newer version; they are kept, unchanged.
    LibraryNewer,
    /// Some saved scenarios could not be read.
    LibrarySkipped(usize),
    /// The browser refused to save the session.
    AutosaveFailed,
    /// The browser refused to save a scenario.
    SaveFailed,
    /// The browser refused to download a file.
    DownloadFailed,
    /// The strings of this language could not be fetched; the page stays in the one it shows.
    LanguageUnavailable(Lang),
    /// The link was made with a rate sheet of the sender's own, which links do not carry.
    CustomRates,
}

impl Message {
    /// The notice's sentence in `lang`, and a second one with the detail.
    pub(crate) fn text(&self, lang: Lang) -> (String, Option<String>) {
        let s = share_texts(lang);
        let own = |text: &str| text.to_owned();
        match self {
            Message::LinkUnreadable(why) => (
                own(s.link_unreadable),
                Some(own(match why {
                    Unreadable::Version(_) => s.link_other_version,
                    Unreadable::Checksum => s.link_changed,
                    Unreadable::Malformed => s.link_garbled,
                })),
            ),
            Message::LinkIgnored(names) => (
                own(s.link_ignored),
                Some(names.join(texts(lang).page.item_separator)),
            ),
            Message::AutosaveUnreadable => {
                (own(s.autosave_unreadable), Some(own(s.storage_damaged)))
            }
            Message::RestoreSkipped(_) => {
                (own(s.restore_skipped), Some(own(s.restore_skipped_detail)))
            }
            Message::LibraryUnreadable => (own(s.library_unreadable), Some(own(s.library_damaged))),
            Message::LibraryNewer => (own(s.library_newer), Some(own(s.library_newer_detail))),
            Message::LibrarySkipped(n) => {
                let template = if *n == 1 {
                    s.library_skipped_one
                } else {
                    s.library_skipped_many
                };
                (fill_one(template, &n.to_string()), None)
            }
            Message::AutosaveFailed => (own(s.autosave_failed), Some(own(s.storage_full))),
            Message::SaveFailed => (own(s.save_failed), Some(own(s.storage_full))),
            Message::DownloadFailed => (own(s.download_failed), None),
            Message::LanguageUnavailable(wanted) => (
                fill_one(s.lang_unavailable, wanted.native_name()),
                Some(own(s.lang_unavailable_detail)),
            ),
            Message::CustomRates => (own(s.rs_link_note), None),
        }
    }
}

/// A message with an id, so that it can be dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique on the page.
    pub id: u32,
    /// What it says.
    pub message: Message,
}

/// The notices on the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    /// Shown, oldest first.
    pub list: Vec<Notice>,
    next: u32,
}

/// What can happen to notices.
pub enum NoticeAction {
    /// Shows a message, unless the same one is already showing.
    Push(Message),
    /// Hides a notice.
    Dismiss(u32),
}

impl Notices {
    /// Notices for these messages.
    pub fn of(messages: &[Message]) -> Self {
        let mut notices = Notices::default();
        for message in messages {
            notices.push(message.clone());
        }
        notices
    }

    fn push(&mut self, message: Message) {
        if self.list.iter().all(|n| n.message != message) {
            self.next += 1;
            self.list.push(Notice {
                id: self.next,
                message,
            });
        }
    }
}

impl Reducible for Notices {
    type Action = NoticeAction;

    fn reduce(self: Rc<Self>, action: NoticeAction) -> Rc<Self> {
        let mut notices = (*self).clone();
        match action {
            NoticeAction::Push(message) => notices.push(message),
            NoticeAction::Dismiss(id) => notices.list.retain(|n| n.id != id),
        }
        Rc::new(notices)
    }
}

/// The buttons of a notice that offers something to do: download or delete a session that was
/// not restored.
fn actions(
    message: &Message,
    lang: Lang,
    id: u32,
    dispatcher: &UseReducerDispatcher<Notices>,
) -> Html {
    let Message::RestoreSkipped(text) = message else {
        return Html::default();
    };
    let s = share_texts(lang);
    let on_download = {
        let text = text.clone();
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            if !export::download("sellercalc-last-session.json", "application/json", &text) {
                dispatcher.dispatch(NoticeAction::Push(Message::DownloadFailed));
            }
        })
    };
    let on_delete = {
        let text = text.clone();
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            // Only that session: once the user has changed something, a newer one is stored.
            if storage::remove_autosave_if(&text) {
                dispatcher.dispatch(NoticeAction::Dismiss(id));
            } else {
                dispatcher.dispatch(NoticeAction::Push(Message::SaveFailed));
            }
        })
    };
    html! {
        <span class="notice-actions">
            <button type="button" class="tool" data-testid="notice-download" onclick={on_download}>{ s.download_session }</button>
            <button type="button" class="tool" data-testid="notice-delete" onclick={on_delete}>{ s.delete_session }</button>
        </span>
    }
}

/// The notices in `lang`, each with a button that dismisses it. The list is a polite live region,
/// so that notices added later are read out.
pub fn notice_list(notices: &UseReducerHandle<Notices>, lang: Lang) -> Html {
    let dismiss = share_texts(lang).dismiss;
    let dispatcher = notices.dispatcher();
    html! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            { for notices.list.iter().map(|notice| {
                let (text, detail) = notice.message.text(lang);
                let gap = sentence_gap(&text);
                let id = notice.id;
                let buttons = actions(&notice.message, lang, id, &dispatcher);
                let dispatcher = dispatcher.clone();
                let onclick = Callback::from(move |_: MouseEvent| dispatcher.dispatch(NoticeAction::Dismiss(id)));
                html! {
                    <div class="notice" key={id} data-testid="notice">
                        <span class="notice-icon" aria-hidden="true">{ "⚠" }</span>
                        <p>
                            <span class="notice-text">{ text }</span>
                            if let Some(detail) = detail {
                                { gap }<span class="notice-detail">{ detail }</span>
                            }
                            { buttons }
                        </p>
                        <button type="button" class="notice-dismiss" aria-label={dismiss}
                            data-testid="notice-dismiss" {onclick}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
