package io.idcardstream.app.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.idcardstream.identity.PiiMask;

/**
 * {@code %maskedMsg} for text logs: the formatted message with ID numbers masked. The code never logs names,
 * addresses or ID numbers on purpose; this is the net under that rule.
 */
public final class MaskedMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PiiMask.text(event.getFormattedMessage());
    }
}
