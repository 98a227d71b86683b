package io.idcardstream.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.state.AssemblyState;
import io.idcardstream.events.state.AssemblyStatus;
import io.idcardstream.events.state.FrontSide;
import io.idcardstream.events.state.KeptWarning;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The assembly store's entries survive an upgrade: what an earlier release wrote is read by this one. */
class AssemblyStateSerdeTest {
    private final Serde<AssemblyState> serde = AssemblyStateSerde.create();

    @Test
    void shouldReadAnEntryWrittenWithTheFirstReleasedSchemaTakingTheDefaultsOfFieldsAddedSince() throws Exception {
        // Given an open application with a photocopied front, written by the release whose state schema is v1
        AssemblyState entry = state(List.of());
        Schema v1;
        try (InputStream in = AssemblyStateSerde.class.getResourceAsStream("AssemblyState-v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        ByteBuffer written = new BinaryMessageEncoder<AssemblyState>(SpecificData.get(), v1).encode(entry);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);

        // When this release reads it
        AssemblyState read = serde.deserializer().deserialize("idcard-assembly-changelog", bytes);

        // Then every field is as written, and the warnings not checked (added after v1) are none
        assertThat(read).isEqualTo(entry);
        assertThat(read.getFront().getWarningsNotChecked()).isEmpty();
    }

    @Test
    void shouldReadBackWhatItWrites() {
        AssemblyState entry = state(List.of(new KeptWarning(-9107, "GLARE")));

        byte[] bytes = serde.serializer().serialize("idcard-assembly-changelog", entry);

        assertThat(serde.deserializer().deserialize("idcard-assembly-changelog", bytes)).isEqualTo(entry);
    }

    private static AssemblyState state(List<KeptWarning> notChecked) {
        FrontSide front = new FrontSide("r-f", 1_000L, null, "MALE", "汉", null, null, null,
                List.of(new KeptWarning(-9102, "PHOTOCOPY")), List.of("CHECK_DIGIT_MISMATCH"), notChecked);
        return AssemblyState.newBuilder()
                .setSubjectId("s-1")
                .setApplicationId("a-1")
                .setStatus(AssemblyStatus.OPEN)
                .setFirstSideAt(1_000L)
                .setDeadlineAt(1_801_000L)
                .setFront(front)
                .setAttributes(Map.of())
                .build();
    }
}
