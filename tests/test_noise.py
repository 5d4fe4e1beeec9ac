"""Page noise: repeated lines, calls to action, site chrome."""
from __future__ import annotations

from exoreview.noise import remove_noise


def test_a_line_printed_three_times_is_noise_but_a_title_printed_twice_stays(vocab):
    text = ("Exosomes Calm Rosacea Redness\n\nExosomes Calm Rosacea Redness\n\nA study found less redness.\n\n"
            "Call us today\n\nExosomes After Laser\n\nExosomes healed the skin faster.\n\nCall us today\n\n"
            "Recent posts\nExosomes Calm Rosacea Redness\nExosomes After Laser\n\nCall us today\n")
    kept = [ln for ln in remove_noise(text, vocab).split("\n") if ln]
    # the back-to-back title opens its article; its third printing (a recent-posts list) is navigation,
    # and the call to action printed after every article goes
    assert kept == ["Exosomes Calm Rosacea Redness", "Exosomes Calm Rosacea Redness", "A study found less redness.",
                    "Exosomes After Laser", "Exosomes healed the skin faster.", "Recent posts", "Exosomes After Laser"]
