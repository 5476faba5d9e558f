//! Submitting a registration exactly once, whatever happens to the answer.
//!
//! A `POST` whose answer never arrives (a timeout, a dropped connection, a proxy's error
//! page) may still have created the verification. Posting again blindly could register the
//! numbers twice, so every attempt carries its own `external_reference_id`, and after a lost
//! answer the attempt is first looked up by that reference: found means done, a clear "none"
//! means it is safe to post again, and anything else means nobody can tell yet, so nothing is
//! posted and the next try starts with the look-up.
//!
//! The procedure is written over three closures (post, look up, wait) so that it runs the
//! same against `fetch`, the in-process simulator, or a test double.

use std::future::Future;

use crate::api::ApiError;

/// How many times a lost `POST` is sent again after a look-up said nothing was created.
pub const MAX_RESENDS: u32 = 2;

/// How long to wait before resend number `resend` (1-based): DIDWW may need a moment before
/// a record it just created shows up in a filtered list.
pub fn resend_delay_ms(resend: u32) -> u32 {
    1_000u32.saturating_mul(resend.max(1)).min(5_000)
}

/// Whether the request may have reached DIDWW although no usable answer came back.
pub fn answer_was_lost(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Timeout
            | ApiError::Network(_)
            | ApiError::Server { .. }
            | ApiError::UnexpectedResponse { .. }
    )
}

/// Why an attempt ended without a verification.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptFailure {
    /// What went wrong, for the message.
    pub error: ApiError,
    /// True when the verification may exist although it could not be confirmed: the next
    /// try must look it up before posting.
    pub may_have_landed: bool,
}

/// Submits once: `post` sends the verification, `look_up` finds it by the attempt's
/// reference, `wait` pauses. With `look_up_first` (the previous try ended unsure), the
/// look-up comes before any `POST`.
pub async fn submit_exactly_once<Record, Post, Posted, LookUp, Found, Wait, Waited>(
    look_up_first: bool,
    mut post: Post,
    mut look_up: LookUp,
    mut wait: Wait,
) -> Result<Record, AttemptFailure>
where
    Post: FnMut() -> Posted,
    Posted: Future<Output = Result<Record, ApiError>>,
    LookUp: FnMut() -> Found,
    Found: Future<Output = Result<Option<Record>, ApiError>>,
    Wait: FnMut(u32) -> Waited,
    Waited: Future<Output = ()>,
{
    let mut resends = 0;
    let mut must_look_up = look_up_first;
    let mut last_error = None;
    loop {
        if must_look_up {
            match look_up().await {
                Ok(Some(found)) => return Ok(found),
                Ok(None) if resends < MAX_RESENDS => {
                    if last_error.is_some() {
                        resends += 1;
                        wait(resend_delay_ms(resends)).await;
                    }
                }
                Ok(None) => {
                    return Err(AttemptFailure {
                        error: last_error.unwrap_or(ApiError::Timeout),
                        may_have_landed: false,
                    })
                }
                // Without a clear "not created", sending again could register twice.
                Err(lookup_error) => {
                    return Err(AttemptFailure {
                        error: last_error.unwrap_or(lookup_error),
                        may_have_landed: true,
                    })
                }
            }
        }

        match post().await {
            Ok(created) => return Ok(created),
            Err(error) if answer_was_lost(&error) => {
                log::warn!("the verification's answer was lost ({error}); looking it up");
                last_error = Some(error);
                must_look_up = true;
            }
            Err(error) => {
                return Err(AttemptFailure {
                    error,
                    may_have_landed: false,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::future::{ready, Future};
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;
    use crate::jsonapi::ErrorObject;

    /// Runs a future whose parts never wait.
    fn run<T>(future: impl Future<Output = T>) -> T {
        let mut future = pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the test doubles answer at once"),
        }
    }

    /// A server that records what it created and answers through a script of outcomes.
    #[derive(Default)]
    struct Server {
        created: RefCell<Vec<&'static str>>,
        posts: RefCell<u32>,
        look_ups: RefCell<u32>,
        waits: RefCell<Vec<u32>>,
    }

    /// How the server treats one `POST`.
    #[derive(Clone, Copy)]
    enum PostScript {
        /// Creates the record and answers.
        Answer,
        /// Creates the record, then the answer is lost with `error`.
        CreateThenLose(fn() -> ApiError),
        /// Loses the request before it reaches the API.
        LoseBefore(fn() -> ApiError),
        /// Refuses it.
        Refuse,
    }

    impl Server {
        fn submit(
            &self,
            look_up_first: bool,
            posts: &[PostScript],
            look_up_fails: bool,
        ) -> Result<&'static str, AttemptFailure> {
            let post = || {
                let index = *self.posts.borrow() as usize;
                *self.posts.borrow_mut() += 1;
                let outcome = match posts.get(index).copied().unwrap_or(PostScript::Answer) {
                    PostScript::Answer => {
                        self.created.borrow_mut().push("verification");
                        Ok("verification")
                    }
                    PostScript::CreateThenLose(error) => {
                        self.created.borrow_mut().push("verification");
                        Err(error())
                    }
                    PostScript::LoseBefore(error) => Err(error()),
                    PostScript::Refuse => Err(ApiError::Validation(vec![ErrorObject::validation(
                        422,
                        "/data/relationships/dids/did-1",
                        "is already assigned",
                        "dids/did-1 - is already assigned",
                    )])),
                };
                ready(outcome)
            };
            let look_up = || {
                *self.look_ups.borrow_mut() += 1;
                let found = if look_up_fails {
                    Err(ApiError::Network("offline".to_owned()))
                } else {
                    Ok(self.created.borrow().first().copied())
                };
                ready(found)
            };
            let wait = |milliseconds| {
                self.waits.borrow_mut().push(milliseconds);
                ready(())
            };
            run(submit_exactly_once(look_up_first, post, look_up, wait))
        }

        fn counts(&self) -> (usize, u32, u32) {
            (
                self.created.borrow().len(),
                *self.posts.borrow(),
                *self.look_ups.borrow(),
            )
        }
    }

    fn timeout() -> ApiError {
        ApiError::Timeout
    }

    fn dropped() -> ApiError {
        ApiError::Network("connection closed".to_owned())
    }

    fn bad_gateway() -> ApiError {
        ApiError::Server { status: 502 }
    }

    #[test]
    fn a_plain_answer_needs_one_post_and_no_look_up() {
        let server = Server::default();

        let outcome = server.submit(false, &[PostScript::Answer], false);

        assert_eq!(outcome, Ok("verification"));
        assert_eq!(server.counts(), (1, 1, 0));
    }

    #[test]
    fn a_timeout_after_the_server_created_the_verification_sends_no_second_post() {
        for lose in [timeout, dropped, bad_gateway] {
            let server = Server::default();

            let outcome = server.submit(false, &[PostScript::CreateThenLose(lose)], false);

            assert_eq!(outcome, Ok("verification"));
            assert_eq!(server.counts(), (1, 1, 1), "{:?}", lose());
        }
    }

    #[test]
    fn a_request_lost_before_the_api_is_sent_again_after_the_look_up_finds_nothing() {
        let server = Server::default();

        let outcome = server.submit(false, &[PostScript::LoseBefore(timeout)], false);

        assert_eq!(outcome, Ok("verification"));
        assert_eq!(server.counts(), (1, 2, 1));
        assert_eq!(*server.waits.borrow(), [1_000]);
    }

    #[test]
    fn resends_stop_after_the_limit_and_say_nothing_was_created() {
        let server = Server::default();
        let lost = [PostScript::LoseBefore(dropped); 5];

        let outcome = server.submit(false, &lost, false);

        let failure = outcome.expect_err("every request was lost");
        assert!(!failure.may_have_landed);
        assert!(matches!(failure.error, ApiError::Network(_)));
        assert_eq!(server.counts(), (0, 1 + MAX_RESENDS, 1 + MAX_RESENDS));
    }

    #[test]
    fn when_the_look_up_fails_nothing_is_posted_again_and_the_next_try_looks_first() {
        let server = Server::default();

        let first = server.submit(false, &[PostScript::CreateThenLose(timeout)], true);
        let failure = first.expect_err("the outcome is unknown");
        assert!(failure.may_have_landed);
        assert_eq!(failure.error, ApiError::Timeout);
        assert_eq!(server.counts(), (1, 1, 1));

        let second = server.submit(failure.may_have_landed, &[], false);

        assert_eq!(second, Ok("verification"));
        assert_eq!(
            server.counts(),
            (1, 1, 2),
            "found by the look-up, not posted"
        );
    }

    #[test]
    fn a_refusal_is_final_and_needs_no_look_up() {
        let server = Server::default();

        let outcome = server.submit(false, &[PostScript::Refuse], false);

        let failure = outcome.expect_err("refused");
        assert!(matches!(failure.error, ApiError::Validation(_)));
        assert!(!failure.may_have_landed);
        assert_eq!(server.counts(), (0, 1, 0));
    }

    #[test]
    fn resends_wait_longer_each_time_within_five_seconds() {
        let delays: Vec<u32> = (1..=8).map(resend_delay_ms).collect();
        assert_eq!(delays[..3], [1_000, 2_000, 3_000]);
        assert!(delays.iter().all(|delay| *delay <= 5_000));
    }
}
