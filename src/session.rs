//! Where the page starts from. A scenario in the URL (a shared link or prefill parameters) wins;
//! without one the autosave restores the last session; otherwise the defaults show. Anything that
//! could not be read becomes a notice, never a blank page.

use crate::components::notice::Message;
use crate::share::{self, Outcome, Presentation};
use crate::state::Snapshot;
use crate::storage::{self, Library, ReadError, StoredSession};

/// What the page starts with, read once before the first render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    /// The inputs to show.
    pub current: Snapshot,
    /// Scenario A, when the last session had one pinned.
    pub pinned: Option<Snapshot>,
    /// How to show the page.
    pub presentation: Presentation,
    /// Notices to show.
    pub messages: Vec<Message>,
    /// The saved scenarios.
    pub library: Library,
    /// Whether saving scenarios may write storage: not when it holds a newer version's, nor
    /// content that cannot be read (kept until the user downloads or deletes it).
    pub library_writable: bool,
    /// Whether the autosave was marked as being restored: the mark comes off once the page has
    /// rendered it ([`storage::use_restored`]).
    pub restoring: bool,
    /// Whether the page may use storage at all: autosave and saved scenarios. Not in embed mode,
    /// where an article's calculator should show what the article chose, not a past session.
    pub persist: bool,
    /// Whether the page autosaves the session: where it may use storage, except when it was
    /// opened from a link it could not read while this browser keeps a session. The defaults
    /// it shows then are not the visitor's work, and the next keystroke would have replaced the
    /// session they come back to; it stays for their next visit (their edits here live in the
    /// address bar, which follows the inputs).
    pub autosave: bool,
    /// Whether the address bar follows the inputs.
    pub sync_url: bool,
}

impl Session {
    /// Reads the page's URL and storage.
    pub fn read() -> Session {
        let link = share::read_location();
        let persist = !link.presentation.embed && storage::available();
        let mut messages = Vec::new();
        if !link.ignored.is_empty() {
            messages.push(Message::LinkIgnored(link.ignored.clone()));
        }
        // A link made with a rate sheet: said to whoever opens it, not to the sender reloading
        // their own page (this browser keeps a sheet).
        let own_sheet = persist && storage::stored_text(crate::rate_sheet::STORAGE_KEY).is_some();
        if link.presentation.rates && !own_sheet {
            messages.push(Message::CustomRates);
        }
        let autosave = if persist {
            storage::load_autosave()
        } else {
            Ok(None)
        };
        // A session whose restoring stopped the page is not restored again.
        let autosave = match autosave {
            Ok(Some(StoredSession::Stopped(text))) => {
                messages.push(Message::RestoreSkipped(text));
                Ok(None)
            }
            Ok(Some(StoredSession::Session(saved))) => Ok(Some(saved)),
            Ok(None) => Ok(None),
            Err(e) => Err(e),
        };
        let mut restoring = false;
        // A link the page cannot read, while this browser keeps a session: not autosaved over.
        let keep_session =
            matches!(link.outcome, Outcome::Unreadable(_)) && matches!(autosave, Ok(Some(_)));
        let (current, pinned) = match link.outcome {
            Outcome::Scenario(snapshot) => {
                // A reload of the session's own link keeps its pinned scenario.
                let pinned = match &autosave {
                    Ok(Some(saved)) if saved.current == snapshot => {
                        restoring = saved.pinned.is_some();
                        saved.pinned.clone()
                    }
                    _ => None,
                };
                (snapshot, pinned)
            }
            Outcome::Unreadable(why) => {
                messages.push(Message::LinkUnreadable(why));
                (Snapshot::defaults(), None)
            }
            Outcome::Empty => match autosave {
                Ok(Some(saved)) => {
                    restoring = true;
                    (saved.current, saved.pinned)
                }
                Ok(None) => (Snapshot::defaults(), None),
                Err(_) => {
                    messages.push(Message::AutosaveUnreadable);
                    (Snapshot::defaults(), None)
                }
            },
        };
        if restoring {
            // Before the first render: if restoring it stops the page, the next load knows.
            storage::mark_restoring();
        }
        let (library, library_writable) = if persist {
            match storage::load_library() {
                Ok(library) => {
                    if !library.unreadable.is_empty() {
                        messages.push(Message::LibrarySkipped(library.unreadable.len()));
                    }
                    (library, true)
                }
                Err(ReadError::Corrupt) => {
                    messages.push(Message::LibraryUnreadable);
                    let damaged = Library {
                        damaged: true,
                        ..Library::default()
                    };
                    (damaged, false)
                }
                Err(ReadError::Newer) => {
                    messages.push(Message::LibraryNewer);
                    (Library::default(), false)
                }
            }
        } else {
            (Library::default(), false)
        };
        Session {
            current,
            pinned,
            presentation: link.presentation,
            messages,
            library,
            library_writable,
            restoring,
            persist,
            autosave: persist && !keep_session,
            sync_url: true,
        }
    }
}
