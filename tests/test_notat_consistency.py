"""The høringsnotat never contradicts itself, as a property: hearings made up from seeds
(letters only, web form only, both; with and without remarks.md; parties answering twice,
late, or with no remarks; a form row that cannot be read) are compared and rendered in
every layout and format, and every count printed (section 1, each topic, the web form's
table, Bilag 1, the chart's data, matrix.csv, matrix.xlsx) must be the model's, the model's
must be what was written, and every remark and answer must appear in every layout. A longer
run: benchmarks/notat_consistency.py --cases 200."""

from __future__ import annotations

import pytest

import hoering
from notat_hearings import (
    count_problems,
    form_samples,
    make_hearing,
    missing_texts,
    model_problems,
    render_all,
)

SEEDS = (3, 4, 11)  # letters only (with remarks.md), form only (a bad row), both
WITH_COMMENTS = (3, 11)  # the seeds whose remarks.md comments on topics and general remarks


@pytest.fixture(scope="module", params=SEEDS)
def case(request, tmp_path_factory):
    folder, truth = make_hearing(tmp_path_factory.mktemp("notat"), request.param)
    comparison = hoering.compare(folder)
    return comparison, truth, render_all(comparison)


def test_the_model_counts_what_was_written(case):
    comparison, truth, _rendered = case
    assert model_problems(comparison, truth) == []


def test_every_count_printed_is_the_models(case):
    comparison, _truth, rendered = case
    problems, checked = count_problems(comparison, rendered)
    assert problems == [] and checked > 30


def test_every_remark_and_answer_to_a_respondent_is_in_every_layout(case):
    comparison, truth, rendered = case
    codes = truth.texts + truth.answers
    assert missing_texts(comparison, truth, rendered, codes) == []


def test_the_web_forms_sample_and_campaigns_are_in_every_layout(case):
    comparison, truth, rendered = case
    samples = form_samples(comparison)
    assert bool(samples) == (truth.form_answers > 0)
    assert missing_texts(comparison, truth, rendered, samples + truth.campaigns) == []


@pytest.mark.parametrize("case", WITH_COMMENTS, indirect=True)
def test_every_comment_on_a_topic_or_the_general_remarks_is_in_every_layout(case):
    comparison, truth, rendered = case
    assert truth.comments  # the seeds' remarks.md comment on topics and the general remarks
    assert missing_texts(comparison, truth, rendered, truth.comments) == []
