package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineLoadTest {

    @Test
    void shouldSumAllTicksAndIdlePlusIowaitFromTheAggregateCpuLine() {
        // Given /proc/stat with user nice system idle iowait irq softirq steal guest guest_nice
        String stat = "cpu  100 5 50 800 20 1 4 0 0 0\ncpu0 50 2 25 400 10 0 2 0 0 0\nintr 123\n";

        // When the ticks are read, then total is their sum and idle is idle + iowait
        assertThat(MachineLoad.cpuTicks(stat)).containsExactly(980, 820);
    }
}
