package nl.werkproces.lti.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.rubric.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class GradingVersionHashTests {

	private static final UUID RUBRIC = UUID.fromString("3f2b1c4d-0000-4000-8000-000000000001");

	@Test
	void canonicalFormIsIndependentOfMapOrderAndKeepsEveryField() {
		GradingVersion a = version(1, Map.of("a", 2, "b", 3), "goed", GradingVersionHash.GENESIS, null);
		GradingVersion b = version(1, new java.util.TreeMap<>(Map.of("b", 3, "a", 2)).descendingMap(), "goed",
				GradingVersionHash.GENESIS, null);
		assertThat(GradingVersionHash.canonical(a)).isEqualTo(GradingVersionHash.canonical(b))
			.contains("levels=a\\=2\\;b\\=3\\;\n")
			.contains("cijfer=6.0\n")
			.contains("finalizedAt=2026-12-02T10:15:30.123456Z\n")
			.contains("secondAssessor=\\0\n");
		assertThat(GradingVersionHash.hash(GradingVersionHash.GENESIS, a)).hasSize(64)
			.isEqualTo(GradingVersionHash.sha256(GradingVersionHash.GENESIS + "\n" + GradingVersionHash.canonical(a)));
	}

	@Test
	void everyContentChangeAndThePreviousHashChangeTheHash() {
		GradingVersion base = version(1, Map.of("a", 2), "goed", GradingVersionHash.GENESIS, null);
		String hash = GradingVersionHash.hash(GradingVersionHash.GENESIS, base);
		assertThat(GradingVersionHash.hash(GradingVersionHash.GENESIS, version(1, Map.of("a", 3), "goed",
				GradingVersionHash.GENESIS, null))).isNotEqualTo(hash);
		assertThat(GradingVersionHash.hash(GradingVersionHash.GENESIS, version(1, Map.of("a", 2), "goed!",
				GradingVersionHash.GENESIS, null))).isNotEqualTo(hash);
		assertThat(GradingVersionHash.hash("1".repeat(64), base)).isNotEqualTo(hash);
		// a remark cannot imitate another field by containing the separators
		GradingVersion sneaky = version(1, Map.of("a", 2), "goed\noutbox=7", GradingVersionHash.GENESIS, null);
		assertThat(GradingVersionHash.canonical(sneaky)).doesNotContain("\noutbox=7\n");
	}

	@Test
	void chainCheckNamesTheFirstBrokenLink() {
		List<GradingVersion> chain = chain(3);
		assertThat(GradingHistory.firstBroken(chain)).isNull();

		List<GradingVersion> altered = new ArrayList<>(chain);
		GradingVersion second = chain.get(1);
		altered.set(1, version(2, Map.of("a", 9), "goed", second.previousHash(), second.contentHash()));
		ChainCheck.BrokenLink broken = GradingHistory.firstBroken(altered);
		assertThat(broken.chainSeq()).isEqualTo(2);
		assertThat(broken.problem()).isEqualTo("CONTENT");
		assertThat(broken.found()).isEqualTo(second.contentHash());

		List<GradingVersion> removed = new ArrayList<>(chain);
		removed.remove(1);
		assertThat(GradingHistory.firstBroken(removed).problem()).isEqualTo("LINK");
		assertThat(GradingHistory.firstBroken(removed).chainSeq()).isEqualTo(3);
	}

	@Test
	void anErasedLinkWithAHoldingSealIsReportedAsErasedAndAnythingElseAsBroken() {
		List<GradingVersion> chain = chain(3);
		GradingVersion second = chain.get(1);
		List<GradingVersion> erased = new ArrayList<>(chain);
		// content gone, hashes kept: without a seal that is an altered version
		erased.set(1, version(2, Map.of(), "", second.previousHash(), second.contentHash()));
		assertThat(GradingHistory.firstBroken(erased).problem()).isEqualTo("CONTENT");

		Instant at = Instant.parse("2026-12-02T16:00:00Z");
		List<ChainCheck.ErasedLink> reported = new ArrayList<>();
		assertThat(GradingHistory.firstBroken(erased, Map.of(second.id(), seal(at, true, true, true)), reported))
			.isNull();
		assertThat(reported).singleElement().satisfies((link) -> {
			assertThat(link.chainSeq()).isEqualTo(2);
			assertThat(link.erasedAt()).isEqualTo(at);
		});

		for (ErasureSeal broken : List.of(seal(at, false, false, false), seal(at, true, false, true),
				seal(at, true, true, false))) {
			List<ChainCheck.ErasedLink> none = new ArrayList<>();
			ChainCheck.BrokenLink link = GradingHistory.firstBroken(erased, Map.of(second.id(), broken), none);
			assertThat(link.problem()).isEqualTo("ERASURE");
			assertThat(link.chainSeq()).isEqualTo(2);
			assertThat(none).isEmpty();
		}

		// a sealed erasure does not cover a changed hash: the next link no longer points to it
		List<GradingVersion> rehashed = new ArrayList<>(erased);
		rehashed.set(1, version(2, Map.of(), "", second.previousHash(), "f".repeat(64)));
		assertThat(GradingHistory.firstBroken(rehashed, Map.of(second.id(), seal(at, true, true, true)),
				new ArrayList<>()).problem()).isEqualTo("LINK");
	}

	@Test
	void theErasureDigestCoversEveryErasedVersionsIdAndHashInIdOrder() {
		List<ErasureSeal.SealedVersion> versions = List.of(new ErasureSeal.SealedVersion(7, 1, "a".repeat(64)),
				new ErasureSeal.SealedVersion(3, 2, "b".repeat(64)));
		String digest = ErasureSeal.digest(versions);
		assertThat(digest).hasSize(64).isEqualTo(ErasureSeal.digest(List.of(versions.get(1), versions.get(0))));
		assertThat(ErasureSeal.digest(List.of(versions.get(0)))).isNotEqualTo(digest);
		assertThat(ErasureSeal.digest(List.of(versions.get(0), new ErasureSeal.SealedVersion(3, 2, "c".repeat(64)))))
			.isNotEqualTo(digest);
	}

	private static ErasureSeal seal(Instant at, boolean recorded, boolean sameStudent, boolean digestMatches) {
		return new ErasureSeal(11, at, recorded, sameStudent, digestMatches, "d".repeat(64),
				digestMatches ? "d".repeat(64) : "e".repeat(64));
	}

	private static List<GradingVersion> chain(int length) {
		List<GradingVersion> chain = new ArrayList<>();
		String previous = GradingVersionHash.GENESIS;
		for (int seq = 1; seq <= length; seq++) {
			GradingVersion draft = version(seq, Map.of("a", seq % 3 + 1), "goed", previous, null);
			String hash = GradingVersionHash.hash(previous, draft);
			chain.add(version(seq, Map.of("a", seq % 3 + 1), "goed", previous, hash));
			previous = hash;
		}
		return chain;
	}

	private static GradingVersion version(int seq, Map<String, Integer> levels, String remark, String previous,
			String hash) {
		return new GradingVersion(seq, 10, 1, 100 + seq, 50 + seq, 1, seq, RUBRIC, levels, Map.of("a", remark),
				"algemeen", 19, 27, 18, Verdict.VOLDOENDE, new BigDecimal("6.0"), false, 7, null,
				Instant.parse("2026-12-02T10:15:30.123456Z"), 99L, previous, hash, null);
	}

}
