package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void shouldReadThePeakResidentSetFromProcStatus() {
        // Given a /proc/self/status excerpt, when VmHWM is read, then it is the number of KiB
        String status = "Name:\tjava\nVmPeak:\t 4102040 kB\nVmHWM:\t  612344 kB\nVmRSS:\t  598000 kB\n";
        assertThat(ProcessMemory.peakRssKb(status)).isEqualTo(612_344L);
    }

    @Test
    void shouldSayWhenTheLineIsMissing() {
        assertThatThrownBy(() -> ProcessMemory.peakRssKb("Name:\tjava\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no VmHWM line in /proc/self/status (not Linux?)");
    }
}
