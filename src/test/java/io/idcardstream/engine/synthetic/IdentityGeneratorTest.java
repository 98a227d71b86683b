package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.identity.CardFacts;
import io.idcardstream.identity.IdentityChecks;
import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.identity.PrintedSex;
import io.idcardstream.identity.ResidentIdNumber;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdentityGeneratorTest {

    private static final IdentityValidator VALIDATOR = new IdentityValidator();

    @Test
    void shouldGenerateIdentitiesThatPassEveryConsistencyCheckOfTheIdentityPackage() {
        // Given a generator
        IdentityGenerator generator = new IdentityGenerator(new SplittableRandom(11));

        // When it generates a thousand identities
        List<SyntheticIdentity> identities = IntStream.range(0, 1000).mapToObj(i -> generator.next()).toList();

        // Then each validates with no issue on its issue date: check digit, known region, birth and sex agree with
        // the number, validity span right for the age at issue
        for (SyntheticIdentity identity : identities) {
            CardFacts facts = new CardFacts(identity.name(), identity.sex().printed(), identity.birthPrinted(),
                    identity.idNumber(), identity.validPeriod());
            IdentityChecks report = VALIDATOR.validate(facts, identity.validity().from());
            assertThat(report.issues()).as("issues of %s", identity).isEmpty();
            assertThat(List.of(report.checkDigitValid(), report.regionCodeKnown(), report.birthMatchesIdNumber(),
                    report.sexMatchesIdNumber(), report.validityPlausible())).containsOnly(true);
        }
    }

    @Test
    void shouldBuildTheIdNumberFromTheRegionThePrintedBirthDateAndTheSex() {
        // Given a generator
        IdentityGenerator generator = new IdentityGenerator(new SplittableRandom(12));

        for (int i = 0; i < 500; i++) {
            // When it generates an identity
            SyntheticIdentity identity = generator.next();
            ResidentIdNumber number = new ResidentIdNumber(identity.idNumber());

            // Then its number starts with the code of the region whose prefix starts the address, carries the printed
            // birth date, and its sex digit is odd for men and even for women
            Region region = Regions.ALL.stream().filter(r -> r.code().equals(number.regionCode())).findFirst()
                    .orElseThrow();
            assertThat(identity.address()).startsWith(region.addressPrefix());
            assertThat(identity.authority()).isEqualTo(region.authority());
            assertThat(identity.idNumber().substring(6, 14))
                    .isEqualTo(identity.birth().format(DateTimeFormatter.BASIC_ISO_DATE));
            assertThat((identity.idNumber().charAt(16) - '0') % 2).isEqualTo(identity.sex() == PrintedSex.MALE ? 1 : 0);
            assertThat(identity.idNumber().charAt(17)).isEqualTo(
                    ResidentIdNumber.checkDigit(identity.idNumber().substring(0, 17)));
        }
    }

    @Test
    void shouldKeepEveryPrintedFieldWithinWhatTheCardCanHold() {
        // Given a generator
        IdentityGenerator generator = new IdentityGenerator(new SplittableRandom(13));

        for (int i = 0; i < 1000; i++) {
            // When it generates an identity
            SyntheticIdentity identity = generator.next();

            // Then the name is a known surname plus one or two given characters, the nation one of the sampled
            // groups, the address short enough for three lines, and the card issued after birth within the window
            assertThat(Names.SURNAMES.stream().anyMatch(identity.name()::startsWith)).isTrue();
            assertThat(identity.name().length()).isBetween(2, 4);
            assertThat(EthnicGroups.SAMPLED).contains(identity.nation());
            assertThat(identity.address().length()).isLessThanOrEqualTo(Addresses.MAX_LENGTH);
            assertThat(identity.validity().from()).isAfterOrEqualTo(identity.birth().plusYears(1))
                    .isBetween(IdentityGenerator.FIRST_ISSUE, IdentityGenerator.LAST_ISSUE);
        }
    }

    @Test
    void shouldGenerateTheSameIdentitiesFromTheSameSeed() {
        // Given two generators with one seed
        IdentityGenerator first = new IdentityGenerator(new SplittableRandom(42));
        IdentityGenerator second = new IdentityGenerator(new SplittableRandom(42));

        // When each generates fifty identities
        List<SyntheticIdentity> a = new ArrayList<>();
        List<SyntheticIdentity> b = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            a.add(first.next());
            b.add(second.next());
        }

        // Then the sequences are equal
        assertThat(a).isEqualTo(b);
    }
}
