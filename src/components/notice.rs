//! Notices: what went wrong with a link or with storage, said plainly and dismissible. Every
//! notice's wording is in [`Message::text`].

use std::rc::Rc;

use yew::prelude::*;

use crate::share::Unreadable;

/// Something the user should know about, which the page recovered from.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// The link could not be read; the defaults show instead.
    LinkUnreadable(Unreadable),
    /// Some link parameters were not understood and were left out.
    LinkIgnored(Vec<String>),
    /// The last session could not be restored.
    AutosaveUnreadable,
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
}

impl Message {
    /// The notice's sentence, and a second one with the detail.
    fn text(&self) -> (String, Option<String>) {
        let own = |s: &str| s.to_owned();
        match self {
            Message::LinkUnreadable(why) => (
                own("This link could not be read; showing the defaults."),
                Some(own(match why {
                    Unreadable::Version(_) => "It was made by a different version of SellerCalc.",
                    Unreadable::Checksum => "It was changed or cut short after it was shared.",
                    Unreadable::Malformed => "It is garbled: a value is repeated, too long or badly encoded.",
                })),
            ),
            Message::LinkIgnored(names) => (
                own("Some link parameters were not understood and were left out:"),
                Some(names.join(", ")),
            ),
            Message::AutosaveUnreadable => (
                own("Your last session could not be restored; showing the defaults."),
                Some(own("What this browser had stored is damaged or from another app.")),
            ),
            Message::LibraryUnreadable => (
                own("Your saved scenarios could not be read, so none are listed."),
                Some(own("What this browser had stored is damaged or from another app. Saving a scenario replaces it.")),
            ),
            Message::LibraryNewer => (
                own("Your saved scenarios were saved by a newer version of SellerCalc."),
                Some(own("They are kept unchanged; open the newer version to use them.")),
            ),
            Message::LibrarySkipped(n) => (
                format!(
                    "{n} saved {} could not be read and {} left out.",
                    if *n == 1 { "scenario" } else { "scenarios" },
                    if *n == 1 { "is" } else { "are" }
                ),
                None,
            ),
            Message::AutosaveFailed => (
                own("This browser did not let SellerCalc keep your scenario; a reload will not restore it."),
                Some(own("Its storage may be full or blocked. Copy the link to keep the scenario.")),
            ),
            Message::SaveFailed => (
                own("This browser did not let SellerCalc save the scenario."),
                Some(own("Its storage may be full or blocked. Copy the link to keep the scenario.")),
            ),
            Message::DownloadFailed => (own("This browser did not let SellerCalc download the file."), None),
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

/// The notices, each with a button that dismisses it. The list is a polite live region, so that
/// notices added later are read out.
pub fn notice_list(notices: &UseReducerHandle<Notices>) -> Html {
    let dispatcher = notices.dispatcher();
    html! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            { for notices.list.iter().map(|notice| {
                let (text, detail) = notice.message.text();
                let id = notice.id;
                let dispatcher = dispatcher.clone();
                let onclick = Callback::from(move |_: MouseEvent| dispatcher.dispatch(NoticeAction::Dismiss(id)));
                html! {
                    <div class="notice" key={id} data-testid="notice">
                        <span class="notice-icon" aria-hidden="true">{ "⚠" }</span>
                        <p>
                            <span class="notice-text">{ text }</span>
                            if let Some(detail) = detail {
                                { " " }<span class="notice-detail">{ detail }</span>
                            }
                        </p>
                        <button type="button" class="notice-dismiss" aria-label="Dismiss this notice"
                            data-testid="notice-dismiss" {onclick}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
