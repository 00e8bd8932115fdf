import pytest

from console.core import questions, rundown
from console.core.errors import DomainError
from console.core.state import QuestionStatus
from tests.core.conftest import run


@pytest.fixture
def state(loaded):
    run(loaded, rundown.StartSlot("cycle-1"))
    return loaded


def ask(state, text="Quelle place pour les citoyens ?", device="phone-1", client="c1", **kw):
    events = run(state, questions.ReceiveQuestion(text, device_id=device, client_id=client, **kw))
    return events[0].data["question_id"] if events else None


def test_a_question_arrives_pending_in_the_current_slot(state):
    qid = ask(state)
    question = state.questions[qid]
    assert question.status is QuestionStatus.PENDING
    assert question.slot_id == "cycle-1"
    assert question.source == "audience"


def test_a_resent_question_is_stored_once(state):
    first = ask(state)
    assert ask(state) is None  # same device, same client id
    assert list(state.questions) == [first]
    assert ask(state, device="phone-2") is not None  # another phone may use the same id


def test_question_text_is_cleaned_and_bounded(state):
    qid = ask(state, "  Une\u202e question\u0007   sur l'IA ?\n\n\n\nVraiment  ")
    assert state.questions[qid].text == "Une question sur l'IA ?\n\nVraiment"
    with pytest.raises(DomainError) as error:
        ask(state, "?", client="c2")
    assert error.value.code == "question_too_short"
    with pytest.raises(DomainError) as error:
        ask(state, "x" * 501, client="c3")
    assert error.value.code == "question_too_long"


def test_markup_is_kept_as_text_not_removed(state):
    # Escaping is the display's job; the words the person typed are kept as they are.
    qid = ask(state, "<img src=x><b>hi</b>")
    assert state.questions[qid].text == "<img src=x><b>hi</b>"


def test_moderation_lifecycle(state):
    qid = ask(state)
    run(state, questions.ApproveQuestion(qid))
    run(state, questions.ShowQuestion(qid), 10.0)
    assert state.on_screen_id == qid and state.questions[qid].shown_at == 10.0
    run(state, questions.AnswerQuestion(qid), 50.0)
    assert state.questions[qid].status is QuestionStatus.ANSWERED
    assert state.on_screen_id is None
    assert state.questions[qid].answered_at == 50.0
    with pytest.raises(DomainError):
        questions.ApproveQuestion(qid).decide(state, 60.0)


def test_rejection_keeps_its_reason_and_can_be_reconsidered(state):
    qid = ask(state)
    run(state, questions.RejectQuestion(qid, "Hors sujet"))
    assert state.questions[qid].status is QuestionStatus.REJECTED
    assert state.questions[qid].reason == "Hors sujet"
    run(state, questions.ApproveQuestion(qid))
    assert state.questions[qid].status is QuestionStatus.APPROVED


def test_only_one_question_on_screen(state):
    a, b = ask(state, client="a"), ask(state, client="b")
    run(state, questions.ShowQuestion(a))
    run(state, questions.ShowQuestion(b))  # pending: approved on the way
    assert state.questions[a].status is QuestionStatus.APPROVED
    assert state.questions[b].status is QuestionStatus.ON_SCREEN
    assert state.on_screen_id == b
    run(state, questions.HideQuestion())
    assert state.on_screen_id is None


def test_edit_keeps_the_original_words(state):
    qid = ask(state, "Quelle place pour les citoyens dans l'IA ??")
    run(state, questions.EditQuestion(qid, "Quelle place pour les citoyens dans l'IA ?"))
    run(state, questions.EditQuestion(qid, "Quelle place pour les citoyens ?"))
    question = state.questions[qid]
    assert question.text == "Quelle place pour les citoyens ?"
    assert question.original_text == "Quelle place pour les citoyens dans l'IA ??"


def test_one_vote_per_device(state):
    qid = ask(state)
    with pytest.raises(DomainError) as error:
        run(state, questions.VoteQuestion(qid, "phone-9"))
    assert error.value.code == "not_votable"
    run(state, questions.ApproveQuestion(qid))
    run(state, questions.VoteQuestion(qid, "phone-9"))
    assert run(state, questions.VoteQuestion(qid, "phone-9")) == []
    run(state, questions.VoteQuestion(qid, "phone-8"))
    assert state.questions[qid].votes == 2
    run(state, questions.UnvoteQuestion(qid, "phone-8"))
    assert state.questions[qid].votes == 1


def test_merging_carries_votes_without_counting_a_device_twice(state):
    keep, dup = ask(state, client="k"), ask(state, client="d")
    for qid in (keep, dup):
        run(state, questions.ApproveQuestion(qid))
    for device in ("p1", "p2"):
        run(state, questions.VoteQuestion(keep, device))
    for device in ("p2", "p3", "p4"):
        run(state, questions.VoteQuestion(dup, device))
    run(state, questions.MergeQuestion(dup, keep))
    assert state.questions[keep].votes == 4  # p1 p2 p3 p4
    assert state.questions[dup].status is QuestionStatus.MERGED
    assert state.questions[dup].merged_into == keep
    # A vote for the duplicate now counts for the question that stays.
    run(state, questions.VoteQuestion(dup, "p5"))
    assert state.questions[keep].votes == 5
    with pytest.raises(DomainError):
        questions.MergeQuestion(keep, keep).decide(state, 0.0)
    with pytest.raises(DomainError):
        questions.MergeQuestion(dup, keep).decide(state, 0.0)


def test_a_chain_of_merges_points_at_the_one_that_stays(state):
    a, b, c = (ask(state, client=x) for x in "abc")
    run(state, questions.MergeQuestion(a, b))
    run(state, questions.MergeQuestion(b, c))
    assert state.questions[a].merged_into == c


def test_routing_to_a_speaker_or_a_later_slot(state):
    qid = ask(state)
    run(state, questions.RouteQuestion(qid, person_id="jannin", slot_id="cycle-2"))
    assert state.questions[qid].addressed_to == "jannin"
    assert state.questions[qid].moved_to_slot == "cycle-2"
    with pytest.raises(DomainError):
        questions.RouteQuestion(qid, person_id="nobody").decide(state, 0.0)


def test_moderator_and_bridge_sources(state):
    qid = ask(state, source="moderator", author="Carte papier", client="")
    assert state.questions[qid].source == "moderator"
    with pytest.raises(DomainError):
        ask(state, source="fax", client="z")


def test_unvoting_a_merged_duplicate_takes_the_vote_back(state):
    keep, dup = ask(state, client="k"), ask(state, client="d")
    for qid in (keep, dup):
        run(state, questions.ApproveQuestion(qid))
    run(state, questions.MergeQuestion(dup, keep))
    run(state, questions.VoteQuestion(dup, "p1"))
    assert state.questions[keep].votes == 1
    run(state, questions.UnvoteQuestion(dup, "p1"))
    assert state.questions[keep].votes == 0


def test_a_question_that_is_not_text_is_refused(state):
    with pytest.raises(DomainError):
        questions.ReceiveQuestion(None, device_id="d", client_id="x").decide(state, 0.0)
    with pytest.raises(DomainError):
        questions.ReceiveQuestion(
            "Une vraie question", author=42, device_id="d", client_id="y"
        ).decide(state, 0.0)


def test_restore_undoes_a_moderation_action(state):
    qid = ask(state)
    run(state, questions.ShowQuestion(qid))
    run(state, questions.RestoreQuestion(qid, "pending"))
    assert state.questions[qid].status is QuestionStatus.PENDING and state.on_screen_id is None
    run(state, questions.EditQuestion(qid, "Une version corrigée ?"))
    run(state, questions.RestoreQuestion(qid, "pending", text="Quelle place pour les citoyens ?"))
    assert state.questions[qid].text == "Quelle place pour les citoyens ?"
    assert state.questions[qid].original_text is None
    with pytest.raises(DomainError):
        questions.RestoreQuestion(qid, "merged").decide(state, 0.0)
