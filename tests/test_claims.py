"""Claim detection and labels, on sentences the tests write themselves."""
from __future__ import annotations

from exoreview import claims as cl
from exoreview.evidence import TierContext, decide


def label(sentence, vocab):
    cl.set_defaults(vocab)
    f = cl.facts(sentence, vocab)
    return f, cl.cell_sources(f), cl.applications(f), cl.outcomes(f), cl.route(f), cl.hedging(f, vocab)


def test_claim_or_not(vocab):
    def claim(s, ctx=False, heading=False):
        return cl.is_claim(cl.facts(s, vocab), vocab, heading=heading, context_vesicles=ctx)

    assert claim("Adipose-derived exosomes reduce wrinkles and improve elasticity.") == (True, False)
    assert claim("They prompt the cells to produce more collagen.", ctx=True) == (True, True)
    assert claim("They prompt the cells to produce more collagen.", ctx=False) == (False, False)
    assert claim("Furthermore, they limit scar formation.", ctx=True) == (True, True)
    assert claim('"It\'s the gentlest brightening option I have found for melasma," she says.', ctx=True) == (
        True, True)  # a contraction keeps its pronoun
    assert claim("In addition, due to this feature, it can be given intravenously.", ctx=True) == (True, True)
    assert claim("Exosomes are nano-sized vesicles, 30-150 nm in diameter.")[0] is False
    assert claim("Exosomes contain proteins, lipids and nucleic acids.")[0] is False
    assert claim("Exosomes are extracellular vesicles secreted by cells.")[0] is False
    assert claim("Smith et al. ran a split-face trial comparing exosomes with PRP.")[0] is False
    assert claim("Rats were treated with exosomes for 14 days.")[0] is False
    # advice to the reader and a cross-reference are not claims
    assert claim("Report side effects of exosome products to the regulator (see below).")[0] is False
    assert claim('See "Are exosomes safe?" below for their side effects.')[0] is False
    assert claim("Stop using the exosome serum if redness gets worse.")[0] is False
    # an author-year citation is no figure that makes a composition a result
    assert claim("Vesicles released by MSCs carry proteins, lipids and microRNAs (Lindahl and Osei, 2019).")[0] \
        is False
    # research gaps, a statement's own aim, a guest's introduction, a product's introduction
    assert claim("Controlled clinical data on exosome products remain scarce.")[0] is False
    assert claim("This statement summarises the evidence on exosome products.")[0] is False
    assert claim("My guest is Dr. Lee, a surgeon who offers exosome treatments.")[0] is False
    assert claim("Meet the ExoGlow Renewal Serum.")[0] is False
    assert claim("Loved my exosome facial #exosomes #glassskin #skincare")[0] is False
    assert claim("Journal reference: Baek H. Ginseng exosomes promote hair regrowth. 2025.")[0] is False
    # a headline asking a question is no claim, wherever its question mark stands
    assert claim("Can Plant Exosomes Fade Melasma? What a New Study Found", heading=True)[0] is False
    # a method word in a relative clause says who, and the sentence goes on to what happened
    assert claim("Mice that were treated with cord exosomes healed 40% faster than untreated mice.")[0] is True
    assert claim("Exosomes contain microRNAs that reduce melanin synthesis.")[0] is True
    assert claim("Ginseng-derived ELNs reduced melanin synthesis in melanocytes.")[0] is True
    assert claim("More research is needed on exosomes.")[0] is False
    assert claim("This review explores exosomes in skin aging.")[0] is False
    assert claim("We treated mice with exosomes for two weeks.")[0] is False
    assert claim("One randomly assigned half of the face received exosome gel.")[0] is False
    assert claim("The team is now testing an exosome hydrogel that releases them slowly.")[0] is False
    assert claim("Keywords: exosomes; acne scars; split-face trial; wound healing.")[0] is False
    assert claim("Do not have exosome injections at a spa.")[0] is False
    assert claim("Exosome effects in acne are not well characterised.")[0] is False
    assert claim("We do not know whether exosomes or co-isolated proteins cause the effect.")[0] is False
    assert claim("Exosomes are a promising strategy for disorders characterized by collagen loss.")[0] is True
    assert claim("Spots fill quickly: reserve your exosome facial today and get 15% off your first session.")[0] is False
    assert claim("Umbilical cord stem cell vesicles help diabetic wounds close faster in mice", heading=True)[0]
    # the treated arm of a study, right after a sentence about exosomes, is what the exosomes did
    assert claim("By day 14, wounds in the treated mice had closed by 92%.", ctx=True) == (True, True)
    assert claim("By day 14, wounds in the treated mice had closed by 92%.", ctx=False)[0] is False
    assert claim("Treated patches regained more pigment than saline patches.", ctx=True) == (True, True)
    assert label("The autoimmune attack on melanocytes in vitiligo eased with exosomes.", vocab)[2] == [
        "pigmentation"]
    # in the account of one study, a measured or negated result is the exosomes' effect
    result = cl.facts("Scar width at day 42 was reduced by 35% relative to controls.", vocab)
    assert cl.is_claim(result, vocab, heading=False, context_vesicles=True, reporting=True) == (True, True)
    assert cl.is_claim(result, vocab, heading=False, context_vesicles=True, reporting=False)[0] is False
    general = cl.facts("We know that more collagen in 90% of skin leads to fuller skin.", vocab)
    assert cl.is_claim(general, vocab, heading=False, context_vesicles=True, reporting=True)[0] is False
    # in a study's account a past-tense result with no figure is its finding too
    dose = cl.facts("Tyrosinase activity decreased in a dose-dependent manner.", vocab)
    assert cl.is_claim(dose, vocab, heading=False, context_vesicles=True, reporting=True)[0] is False
    assert cl.is_claim(dose, vocab, heading=False, context_vesicles=True, reporting=True, measured=True) == (
        True, True)
    assert claim("Methods: nude mice were treated with subcutaneous MSC-Exos for 8 weeks.")[0] is False
    assert claim("Exosomes were isolated by ultracentrifugation from the medium.")[0] is False
    assert claim("We found that adipose exosomes increased collagen in mice.")[0] is True
    assert claim("Subscribe to our exosome newsletter for skin tips.")[0] is False
    assert claim("What are exosomes?")[0] is False
    assert claim("Exosomes From Cord Stem Cells Stimulate Skin Rejuvenation", heading=True)[0] is True
    assert claim("How Exosomes Improve Skin", heading=True)[0] is False
    assert claim("Exosomes in skincare: hype and risks", heading=True)[0] is False


def test_labels(vocab):
    _, src, app, out, route, hedge = label(
        "ASC-Exos applied after microneedling may reduce scarring and boost collagen synthesis.", vocab)
    assert src == ["adipose_msc"]
    assert app == ["scarring"]
    assert out == ["scar_formation:down", "collagen:up"]
    assert route == "device_combined"
    assert hedge == "hedged"
    _, src, _, out, route, hedge = label(
        "Umbilical cord MSC exosomes are remarkably anti-inflammatory when applied topically.", vocab)
    assert src == ["umbilical_cord_msc"]
    assert out == ["inflammation:down"]
    assert route == "topical" and hedge == "emphatic"
    _, src, _, out, route, _ = label("MSC-exos are non-immunogenic, minimizing the risk of rejection.", vocab)
    assert src == ["msc_unspecified"] and out == ["safety:up"] and route == "unspecified"
    assert label("They can be applied topically or injected into the skin.", vocab)[4] == "unspecified"
    assert label("Exosomes can be placed on the skin rather than injected.", vocab)[4] == "topical"
    assert label("Perhaps most impressively, exosomes could be a remarkable option.", vocab)[5] == "hedged"
    assert label("MSC-exos modulate inflammation.", vocab)[3] == ["inflammation:unclear"]
    assert label("Exosomes are the future of regenerative medicine.", vocab)[3] == []
    assert label("Patients given exosome injections reported serious adverse events.", vocab)[3] == ["safety:down"]
    assert label("Exosomes did not increase collagen in aged skin.", vocab)[3] == ["collagen:none"]
    assert label("Exosomes not only repaired cartilage but also reduced pain.", vocab)[3][0] == "tissue_regeneration:up"
    assert label("MSC-exos show resistance to immune rejection.", vocab)[3] == ["safety:up"]


def _ctx(**kw):
    base = dict(cited_designs=[], has_markers=False, reported_tier=None, article_tier=None,
                in_article_study=False, document_design=None, source_kind="vendor_marketing")
    base.update(kw)
    return TierContext(**base)


def test_tier_rule_steps(vocab):
    f = cl.facts("Exosomes healed wounds in diabetic mice.", vocab)
    assert decide(f, _ctx(), generic=False, appraisal=False)[:2] == ("animal", "sentence_design")
    f = cl.facts("Exosomes decrease melanin<sup>12</sup>.", vocab)
    assert decide(f, _ctx(cited_designs=["rct"], has_markers=True), generic=False, appraisal=False)[:2] == (
        "rct", "cited_reference")
    f = cl.facts("More randomized trials of exosomes are needed.", vocab)
    assert decide(f, _ctx(), generic=False, appraisal=False)[0] == "expert_opinion"
    # a study planned, not run: a patent's prophetic example, a trial now recruiting
    for planned in ("A randomized, double-blind study of the exosome serum in adults is contemplated.",
                    "A randomised trial of the exosome gel is now recruiting."):
        assert decide(cl.facts(planned, vocab), _ctx(), generic=False, appraisal=False)[0] == "expert_opinion"
    # a case report or case series of veterinary patients is animal evidence
    f = cl.facts("In a retrospective case series of 11 dogs, exosome gel shortened wound closure.", vocab)
    assert decide(f, _ctx(), generic=False, appraisal=False)[0] == "animal"
    f = cl.facts("A case report of exosome injection in a woman with acne scars.", vocab)
    assert decide(f, _ctx(), generic=False, appraisal=False)[0] == "case_report"
    f = cl.facts("The EVs increased proliferation of dermal papilla cells by 1.9-fold.", vocab)
    assert decide(f, _ctx(in_study=True), generic=False, appraisal=False)[:2] == ("in_vitro", "sentence_design")
    f = cl.facts("They also reduced redness.", vocab)
    assert decide(f, _ctx(reported_tier="clinical_study"), generic=False, appraisal=False)[:2] == (
        "clinical_study", "reported_study")
    assert decide(f, _ctx(article_tier="animal", in_article_study=True), generic=False, appraisal=False)[:2] == (
        "animal", "article_reference")
    assert decide(f, _ctx(source_kind="peer_reviewed_review"), generic=False, appraisal=False)[:2] == (
        "narrative_review", "fallback")
    assert decide(f, _ctx(), generic=False, appraisal=False)[:2] == ("expert_opinion", "fallback")


def test_one_pass_over_many_sentences_equals_one_pass_each(vocab):
    sentences = ["ASC-Exos reduce wrinkles<sup>3</sup>.", "They boost collagen [2] in mice.", "",
                 "Nothing here.", "Exosomes, e.g. from cord blood, are safe."]
    many = cl.facts_for_many(sentences, vocab)
    for s, f in zip(sentences, many):
        one = cl.facts(s, vocab)
        assert sorted(f.hits) == sorted(one.hits) and f.clean == one.clean


def test_source_and_route_words_do_not_overreach(vocab):
    _, src, _, _, route, _ = label("Exosomes healed plantar ulcers faster than PRP or platelet-derived growth factor.",
                                   vocab)
    assert src == [] and route == "unspecified"
    _, src, _, _, route, _ = label("Serum-derived exosomes and rose stem cell exosomes in a facial serum calm skin.",
                                   vocab)
    assert src == ["other_human_cell", "plant"] and route == "topical"


def test_cell_sources_are_sources_not_targets(vocab):
    assert label("MSC exosomes enhance M2 macrophage polarization.", vocab)[1] == ["msc_unspecified"]
    assert label("M2 macrophage-derived exosomes speed wound closure.", vocab)[1] == ["other_human_cell"]
    assert label("UCB-MSC-exos inhibit collagen I production.", vocab)[1] == ["umbilical_cord_msc"]
    assert label("Exosome products can be contaminated with bacteria and fungi.", vocab)[1] == []


def test_a_suspended_hyphen_shares_the_word_after_it(vocab):
    f = label("Keratinocyte- and adipose stem cell-derived vesicles sped wound healing.", vocab)[0]
    assert sorted(cl.cell_sources(f)) == ["adipose_msc", "other_human_cell"]
    # a hyphen before "and" with no "-derived" after it names nothing more
    assert label("Exosomes raised keratinocyte- and fibroblast counts.", vocab)[1] == []


def test_abbreviations_a_document_defines_name_their_cell_source(vocab):
    facts = [cl.facts(s, vocab) for s in (
        "Exosomes were isolated from human placental MSCs (pMSC-Exo) by filtration.",
        "Adipose-derived stem cells reduce transepidermal water loss (TEWL) in mice.",
        "Topical pMSC-Exo accelerated wound closure and lowered TEWL in pigs.")]
    defined = cl.defined_sources(facts)
    assert defined == {"pmsc-exo": ["placenta_msc"]}  # TEWL follows an effect, not the source
    assert cl.abbreviated_sources(facts[2], defined) == ["placenta_msc"]
    # an abbreviation holding only "MSC" is still defined by the tissue before it
    amnion = cl.facts("We tested amniotic membrane MSC-derived exosomes (AM-MSC-Exo) after laser.", vocab)
    assert cl.defined_sources([amnion]) == {"am-msc-exo": ["placenta_msc"]}


def test_tissue_words_of_a_cell_source_are_not_applications(vocab):
    assert label("Exosomes from dental pulp stem cells raised dermal papilla cell growth.", vocab)[2] == []
    assert label("Gingival MSC exosomes healed periodontal defects in rats.", vocab)[2] == ["dental"]


def test_outcome_words_do_not_overreach(vocab):
    assert label("Exosomes can cross the blood-brain barrier in mice.", vocab)[3] == []
    assert label("We recruited patients and exosomes were scarcely studied.", vocab)[3] == []


def test_assay_names_name_their_outcome(vocab):
    assert label("Exosomes lowered the share of beta-galactosidase-positive fibroblasts.", vocab)[3] == [
        "senescence:down"]
    assert label("Exosome-treated cells closed scratch wounds faster.", vocab)[3] == ["cell_migration:up"]


def test_toxicology_endpoints_and_spoken_directions(vocab):
    assert label("The exosome ingredient was not phototoxic in the 3T3 test.", vocab)[3] == ["safety:up"]
    assert label("RD-EV exosomes were not a skin sensitiser in the patch test.", vocab)[3] == ["safety:up"]
    assert label("With exosomes the erythema settled two days sooner.", vocab)[3] == ["inflammation:down"]
    assert label("After the exosome injections the scar score came down by a third.", vocab)[3] == [
        "scar_formation:down"]


def test_signs_of_a_harm_are_the_harm_not_an_inflammation_outcome(vocab):
    _, _, apps, outs, _, _ = label("Exosome facials are very safe and side effects are rare, usually limited to "
                                   "mild redness for a day.", vocab)
    assert (apps, outs) == ([], ["safety:up"])
    _, _, apps, outs, _, _ = label("Adverse events were limited to transient erythema and swelling.", vocab)
    assert (apps, outs) == ([], ["safety:up"])
    # before any harm phrase, redness is what the vesicles treated
    _, _, apps, outs, _, _ = label("Exosomes reduced redness in rosacea patients without side effects.", vocab)
    assert (apps, outs) == (["inflammatory_skin"], ["inflammation:down", "safety:up"])


def test_lay_words_for_dark_spots_are_pigmentation(vocab):
    _, _, apps, outs, _, _ = label("The exosome serum faded age spots and dark patches within a month.", vocab)
    assert (apps, outs) == (["pigmentation"], ["pigmentation:down"])


def test_which_direction_word_governs_an_outcome(vocab):
    def outcomes(s):
        return label(s, vocab)[3]

    # a direction word stops at the outcome it governs unless the next one is coordinated with it
    assert outcomes("Exosomes reduce inflammation, all of which is critical for tissue regeneration.") == [
        "inflammation:down", "tissue_regeneration:up"]
    assert outcomes("Exosomes reduce oxidative stress and inflammation.") == [
        "oxidative_stress:down", "inflammation:down"]
    # recovery and resolution are a better state: of the barrier TEWL measures, of erythema
    assert outcomes("TEWL recovered faster on the exosome side.") == ["skin_barrier:up"]
    assert outcomes("Exosome cream hastens the resolution of erythema after laser.") == ["inflammation:down"]
    # coordinated outcomes share the verb after them, whatever the sign of their words
    assert outcomes("With exosomes, TEWL and corneometer hydration improved.") == ["skin_barrier:up", "hydration:up"]
    # a comparative before a direction noun only qualifies it; a verb's comparative does not
    assert outcomes("A trial in acne scars found a greater fall in scar scores with exosomes.") == [
        "scar_formation:down"]
    assert outcomes("Acne scars faded more on the side treated with exosomes.") == ["scar_formation:down"]
    # a participle clause after a comma starts afresh
    assert outcomes("Exosomes are a way of combating photoaging, integrating regenerative capabilities.") == [
        "tissue_regeneration:up"]
    # an outcome phrase that opens with its own verb keeps it
    assert outcomes("Exosomes inhibit inflammation and also stimulate repair in damaged tissue.") == [
        "inflammation:down", "tissue_regeneration:up"]
    # "LPS-induced" names the insult, not the effect
    assert outcomes("Exosomes inhibit LPS-induced inflammatory responses in macrophages.") == ["inflammation:down"]
    # acting on immune targets, in either direction, is immunomodulation
    assert outcomes("Exosomes inhibit T-cell proliferation in vitro.")[0] == "immunomodulation:up"
    assert outcomes("Exosomes modulate immune responses.") == ["immunomodulation:up"]
    assert outcomes("Exosomes modulate collagen metabolism.") == ["collagen:unclear"]
    # negations: 'no risk of' a harm is safety, 'no measurable effect' is none
    assert outcomes("With exosomes there is no risk of rejection.") == ["safety:up"]
    assert outcomes("Bone marrow exosomes had no measurable effect on melanin output.") == ["pigmentation:none"]
    assert outcomes("Exosome gel was applied, with no serious adverse events.") == ["safety:up"]
    assert outcomes("Injected exosome products caused granulomas and abscesses.") == ["safety:down"]
    assert outcomes("EVs dampened inflammation in the wound bed.") == ["inflammation:down"]
    assert outcomes("Exosome users reported less redness and better hydration.") == [
        "inflammation:down", "hydration:up"]
    # a direction noun after an outcome is that outcome's ("collagen deposition"), and a
    # predicate may put the direction further on ("levels of IL-6 ... were lower")
    assert outcomes("Exosomes decreased collagen deposition in keloid fibroblasts.")[0] == "collagen:down"
    assert outcomes("Levels of IL-6 and TNF-α in wound tissue were lower with exosomes.") == ["inflammation:down"]
    assert outcomes("Exosome adverse events were mild and transient.") == ["safety:up"]
    assert outcomes("The exosome serum can ease the persistent redness of rosacea.") == ["inflammation:down"]
    assert outcomes("Vesicles avoid the risk of infection posed by live bacteria.") == ["safety:up"]


def test_hedge_words(vocab):
    def hedging(s):
        return label(s, vocab)[5]

    assert hedging("Exosomes reduced the appearance of dark spots.") == "plain"
    assert hedging("Exosomes appear to reduce dark spots.") == "hedged"
    assert hedging("Exosomes are thought to overcome poor penetration.") == "hedged"
    assert hedging("The early results with exosomes are encouraging.") == "hedged"
    assert hedging("Exosomes inhibit collagen I while encouraging cell migration.") == "plain"
    assert hedging("Exosomes probably act through microRNAs.") == "hedged"
    # reported, not asserted; and a seller's superlatives
    assert hedging("They are also said to dampen inflammation around follicles.") == "hedged"
    assert hedging("The authors propose that exosomal miR-146a dampens TSLP release.") == "hedged"
    # a sales pitch's absolute promises and unbounded comparisons
    assert hedging("Exosomes are 100% safe for every skin type.") == "emphatic"
    assert hedging("Our exosomes deliver more growth factors than any competitor.") == "emphatic"
    assert hedging("The serum visibly transformed skin texture in four weeks.") == "emphatic"

def test_randomised_animals_are_not_a_randomised_trial(vocab):
    from exoreview.evidence import sentence_designs

    assert sentence_designs(cl.facts("Rats were randomly assigned to EV or saline groups.", vocab), True) == [
        "animal"]
    assert "rct" in sentence_designs(cl.facts("In a randomised trial, patients did better than mice.", vocab), True)


def test_design_words_of_marketing_are_not_designs(vocab):
    for sentence in ("Our animal-free exosome serum gets great reviews from prospective clients.",
                     "Exosomes show therapeutic potential in the clinical presentation of acne."):
        f = cl.facts(sentence, vocab)
        assert decide(f, _ctx(), generic=False, appraisal=False)[:2] == ("expert_opinion", "fallback"), sentence


def test_design_words_of_lay_and_vendor_text(vocab):
    from exoreview.evidence import sentence_designs

    def designs(s):
        return sorted(set(sentence_designs(cl.facts(s, vocab), False)))

    # a trial said not to be randomised is a clinical study: the longer cue masks 'randomised'
    assert designs("The split-face study was not randomised.") == ["clinical_study"]
    assert designs("A non-randomized trial of exosome gel.") == ["clinical_study"]
    # lay words for cell work
    assert designs("In lab studies, the vesicles cut inflammatory signals by 40%.") == ["in_vitro"]
    assert designs("On a 3D skin model, the treated tissue looked lighter.") == ["in_vitro"]
    assert designs("There's some lab data that plant exosomes can block tyrosinase.") == ["in_vitro"]
    assert designs("In the lab, exosomes stimulate collagen production by fibroblasts.") == ["in_vitro"]
    # in a human trial's account, the cells it names are its mechanism, not a cell-culture part
    told = cl.facts("The authors suggest the vesicles act on melanocytes.", vocab)
    assert sentence_designs(told, "rct") == [] and sentence_designs(told, True) == ["in_vitro"]
    # words of a human study that say nothing of randomisation name the randomised trial being told
    split = cl.facts("In this split-face trial, exosomes improved scars.", vocab)
    assert sentence_designs(split, "rct") == ["rct"] and sentence_designs(split, False) == ["clinical_study"]
    assert designs("The split-face study was not randomised.") == ["clinical_study"]
    # vendor wording about what a product is free of names no animal study
    assert designs("Plant exosomes are vegan and contain no human or animal material.") == []
    # a biopsy taken in a trial is no explant study
    assert designs("Skin biopsies taken on day 7 showed more new collagen on the exosome side.") == []


def test_a_human_study_told_by_whom_it_enrolled(vocab):
    from exoreview.evidence import sentence_designs

    def designs(s):
        return sorted(set(sentence_designs(cl.facts(s, vocab), False)))

    assert designs("In a small study of 52 adults, the exosome gel eased redness within a week.") == ["clinical_study"]
    assert designs("One trial in healthy older women found exosomes improved skin firmness.") == ["clinical_study"]
    assert designs("Early studies in people suggest less downtime after laser.") == ["clinical_study"]
    # a design the sentence names itself wins; "needed" still cancels a design
    assert designs("A randomised trial of 40 patients found exosomes reduced scarring.") == ["rct"]
    assert designs("Larger studies in patients are needed before exosomes can be recommended.") == []
    # a study of cells or mice is not a human study
    assert designs("A study of fibroblasts showed exosomes raised collagen output.") == []


def test_a_documents_own_words_for_its_vesicles(vocab):
    def aliases(*sentences):
        return [a.pattern.pattern for a in cl.vesicle_aliases([cl.facts(s, vocab) for s in sentences])]

    assert aliases("The packages in question are exosomes, sacs a ten-thousandth of a millimetre across.") == [
        r"\bpackages\b"]
    assert aliases("LVX-201 is an investigational injectable containing exosomes from placental MSCs.") == [
        r"(?<![\w-])LVX\-201(?![\w-])"]
    assert aliases("Rosalux Exosome Renewal Serum – 30 mL") == [r"(?<![\w-])Rosalux(?![\w-])"]
    assert aliases("Our scalp protocol combines microneedling with ExoVeil™ exosomes.") == [
        r"(?<![\w-])ExoVeil(?![\w-])"]  # a brand-like name right before the vesicle word
    # after a short lead-in, and for what a maker makes from exosomes
    assert aliases("For anyone new, ExoVela is the freeze-dried powder we make from adipose stem cell exosomes.") == [
        r"(?<![\w-])ExoVela(?![\w-])"]
    # a source's abbreviation joined to the vesicles' after the whole phrase
    assert aliases("Exosomes derived from adipose-derived stem cells (ADSC-Ex) raise collagen.") == [
        r"(?<![\w-])[A-Za-z]{0,6}-?ADSC\-Exs?(?!\w)"]
    # the initial of a vesicle phrase's last word: "exosome-like nanoparticles (GELNs)"
    assert r"(?<![\w-])[A-Za-z]{0,6}-?GELNs?(?!\w)" in aliases(
        "Grape berries yield exosome-like nanoparticles (GELNs) of 100 nm.")
    # people, question words and the vesicle words themselves are no names
    assert aliases("She uses exosomes daily.", "How exosomes work", "Dermatologists use exosomes.",
                   "These exosomes are vesicles.", "Stem Cell Exosome Therapy") == []
    pats = cl.vesicle_aliases([cl.facts("LVX-201 is an injectable containing exosomes.", vocab)])

    def claim(s):
        f = cl.facts(s, vocab)
        cl.mark_aliases(f, pats)
        return cl.is_claim(f, vocab, heading=False, context_vesicles=False)[0]

    assert claim("LVX-201 was generally well tolerated.")  # an effect: safety
    f = cl.facts("LVX-201 was generally well tolerated.", vocab)
    cl.mark_aliases(f, cl.vesicle_aliases([cl.facts("LVX-201 is an injectable containing exosomes from "
                                                    "placental MSCs.", vocab)]))
    assert cl.cell_sources(f) == ["placenta_msc"]  # the product's source, as its definition named it
    assert not claim("LVX-201 will be presented at an upcoming medical meeting in Boston.")  # no effect named


def test_the_cells_said_to_make_the_vesicles_are_their_source(vocab):
    def sources(s):
        return cl.cell_sources(cl.facts(s, vocab))

    assert sources("EVs shed by psoriatic keratinocytes carry autoantigens.") == ["other_human_cell"]
    assert sources("EVs released by Staphylococcus aureus induced dermatitis in mice.") == ["bacterial"]
    assert sources("Exosomes from human dermal fibroblasts reduced wrinkles.") == ["other_human_cell"]
    # cells the vesicles act on are targets, not sources
    assert sources("Exosomes increased fibroblast proliferation.") == []
    assert sources("The cord-derived preparation was safe.") == ["umbilical_cord_msc"]
    assert sources("Rose exosomes visibly fade dark spots.") == ["plant"]
    f = cl.facts("Ginseng-derived nanoparticles reduced melanin in melanoma cells.", vocab)
    assert cl.names_vesicles(f) and cl.cell_sources(f) == ["plant"]


def test_table_rows_reference_entries_and_study_arms_are_no_claims(vocab):
    def claim(s, heading=False):
        return cl.is_claim(cl.facts(s, vocab), vocab, heading=heading, context_vesicles=False)[0]

    assert not claim("| 1 | 46/F | exosome gel | 4 days | 7 days | none |")
    assert not claim("Ibarra L, et al. Plant exosome nanovesicles in cosmetic dermatology. 2024.")
    assert not claim("One half of each face was treated with an adipose stem cell exosome solution and the other "
                     "half with saline.")
    # a headline with an everyday finding verb is a claim
    assert claim("MSC-EVs quiet the IL-23/IL-17 axis in psoriasis models", heading=True)


def test_harms_said_to_be_absent_and_outcomes_whose_words_run_the_other_way(vocab):
    def outcomes(s):
        return label(s, vocab)[3]

    assert outcomes("No skin irritation, weight loss or other side effects were seen in the exosome group.") == [
        "safety:up"]
    assert outcomes("A pooled analysis of EV-based products recorded no serious treatment-related adverse "
                    "events.") == ["safety:up"]  # 'products' is no direction word
    # less water lost through the skin is a better barrier
    assert outcomes("The exosome side showed lower transepidermal water loss at day 7.") == ["skin_barrier:up"]
    assert outcomes("Hydration and TEWL improved after exosome treatment.") == ["hydration:up", "skin_barrier:up"]
    assert outcomes("By week eight, redness on the exosome side had dropped by 31%.") == ["inflammation:down"]
    assert outcomes("Exosomes repressed MMP-1 in irradiated fibroblasts.") == ["ecm_remodeling:down"]
    assert outcomes("A case series reported higher hair counts with rose stem cell exosomes.") == ["hair_growth:up"]


def test_a_harm_names_no_disease_treated(vocab):
    _, _, apps, outs, _, _ = label("Unlike living cells, exosomes cannot divide or form tumours.", vocab)
    assert (apps, outs) == ([], ["safety:up"])  # tumours here are a harm they cannot cause, not a cancer treated
    _, _, apps, _, _, _ = label("Exosomes speed up recovery after laser resurfacing.", vocab)
    assert apps == ["wound_healing"]
    # a sign named as a reaction to the treatment: no rosacea or eczema treated
    assert label("Injection-site erythema occurred in 11 exosome-treated participants.", vocab)[2] == []
    assert label("Exosomes caused transient redness in two patients.", vocab)[2] == []
    assert label("Exosomes reduced facial redness in rosacea.", vocab)[2] == ["inflammatory_skin"]


def test_penetration_and_safety_in_plain_words(vocab):
    def outcomes(s):
        return label(s, vocab)[3]

    assert outcomes("These plant exosomes slip through the skin barrier to deliver their actives.") == [
        "skin_penetration:up"]  # getting through the barrier, not the barrier's state
    assert outcomes("MSC-EVs cannot engraft, divide or form tumours.") == ["safety:up"]
    assert outcomes("A systematic review of exosome products found no signal of serious harm.") == ["safety:up"]
    assert outcomes("Exosomes caused harm in two patients.") == ["safety:down"]
    assert outcomes("Lactobacillus vesicles cut the release of inflammatory signals by 40%.") == ["inflammation:down"]


def test_healing_and_closure_in_plain_words(vocab):
    def outcomes(s):
        return label(s, vocab)[3]

    assert outcomes("The exosome side healed noticeably faster.") == ["wound_closure:up"]
    assert outcomes("Exosome gel accelerated closure of diabetic wounds in mice.") == ["wound_closure:up"]
    assert outcomes("Vesicles doubled the rate of scratch closure by keratinocytes.") == ["cell_migration:up"]
    assert outcomes("Topical exosomes may help some wounds heal.") == ["wound_closure:up"]


def test_clinical_severity_scales_name_their_condition(vocab):
    # a lower score is less of the condition the scale grades; the scale names what was treated
    assert label("Mean ECCA score fell from 96.4 to 58.1 with exosomes.", vocab)[2:4] == (
        ["scarring"], ["scar_formation:down"])
    assert label("The exosome serum lowered mMASI by 41%.", vocab)[2:4] == (["pigmentation"], ["pigmentation:down"])
    assert label("EASI fell by half with the exosome gel.", vocab)[2:4] == (
        ["inflammatory_skin"], ["inflammation:down"])
    assert label("Vesicles reduced ear thickness in mice.", vocab)[3] == ["inflammation:down"]
    assert label("Exosomes are easily applied.", vocab)[3] == []  # "easi" is a word of its own, not "easily"
    assert label("WSRS decreased by 1.1 points with exosomes.", vocab)[2:4] == (["skin_aging"], ["wrinkles:down"])
    assert label("The vesicles were not cytotoxic up to 200 µg/mL.", vocab)[3] == ["safety:up"]
    # a secretome product names the vesicles' sources too
    assert cl.names_vesicles(cl.facts("Stem cell conditioned medium improved acne scars.", vocab))
    assert cl.names_vesicles(cl.facts("Culture supernatant of dental pulp stem cells is given by drip.", vocab))


def _alone(s, vocab):
    """is_claim of a sentence read on its own (no heading, nothing about exosomes before it)."""
    return cl.is_claim(cl.facts(s, vocab), vocab, heading=False, context_vesicles=False)[0]


def test_a_list_item_naming_a_product_is_no_statement(vocab):
    def claim(s):
        return _alone(s, vocab)

    assert not claim("Take-home exosome serum (30 mL)")
    assert not claim("Two exosome microneedling sessions (days 1 and 3)")
    # a statement without its full stop still is one; so is an item naming an effect
    assert claim("Exosomes are not alive and function primarily in cell-to-cell communication")
    assert claim("Exosome serum for calmer skin")


def test_how_it_was_given_is_a_method(vocab):
    assert not _alone("Everyone applied a rose exosome serum twice daily for 12 weeks.", vocab)
    assert not _alone("Exosomes were injected every two weeks for three sessions.", vocab)
    # a schedule with an effect, or without a word of dosing, is no method
    assert [_alone(s, vocab) for s in ("Exosomes applied twice daily for 12 weeks reduced redness.",
                                       "Exosomes work, I see it every week after microneedling.")] == [True, True]


def test_markers_of_allergic_inflammation_and_the_barriers_proteins(vocab):
    assert label("The vesicles lowered TSLP and IL-33 in keratinocytes.", vocab)[3] == ["inflammation:down"]
    assert label("Exosomes reduced mast-cell infiltration in the dermis.", vocab)[3] == ["inflammation:down"]
    assert label("In skin explants, exosomes preserved filaggrin expression.", vocab)[3] == ["skin_barrier:up"]
