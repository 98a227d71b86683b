package io.idcardstream.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "440524198701010014|4405**********0014",
        "11010519900101103X|1101**********103X",
        "440524870101001|4405*******1001",
        "1234567890|1234**7890",
        "123456789|*********",
        "X|*",
    })
    void shouldKeepOnlyTheEndsOfAnIdNumber(String number, String expected) {
        // Given an ID number (or a fragment of one)
        // When it is masked
        String masked = PiiMask.idNumber(number);
        // Then only the first and last four characters remain, and only when at least ten were given
        assertThat(masked).isEqualTo(expected);
    }

    @Test
    void shouldMaskNullAndEmptyAsEmpty() {
        // Given no value
        // When any mask is applied
        // Then the result is empty, never "null"
        assertThat(PiiMask.idNumber(null)).isEqualTo("");
        assertThat(PiiMask.name(null)).isEqualTo("");
        assertThat(PiiMask.address(null)).isEqualTo("");
        assertThat(PiiMask.text(null)).isEqualTo("");
        assertThat(PiiMask.url(null)).isEqualTo("");
        assertThat(PiiMask.idNumber("")).isEqualTo("");
        assertThat(PiiMask.name("")).isEqualTo("");
        assertThat(PiiMask.address("")).isEqualTo("");
        assertThat(PiiMask.text("")).isEqualTo("");
        assertThat(PiiMask.url("")).isEqualTo("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"李明|李*", "代用名|代**", "欧阳娜娜|欧***", "艾|艾", "𠀀明|𠀀*"})
    void shouldKeepOnlyTheFirstCharacterOfAName(String name, String expected) {
        // Given a name, including one starting with a character outside the BMP
        // When it is masked
        String masked = PiiMask.name(name);
        // Then the first character stays and every other becomes a star
        assertThat(masked).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "北京市石景山区高新技术园腾讯大楼|北京市***",
        "湖南省长沙市开福区巡道街幸福小区居民组|湖南省***",
        "北京|北京***",
    })
    void shouldKeepThreeCharactersOfAnAddressAndAFixedTail(String address, String expected) {
        // Given an address of any length
        // When it is masked
        String masked = PiiMask.address(address);
        // Then three characters and a fixed *** remain, so the length does not show
        assertThat(masked).isEqualTo(expected);
    }

    @Test
    void shouldMaskIdNumbersInsideFreeText() {
        // Given a provider's error message quoting ID numbers, 18- and 15-character, X in either case
        String message = "身份证号440524198701010014校验失败; old=440524870101001, other: 11010519900101103x.";
        // When it is masked
        String masked = PiiMask.text(message);
        // Then every number is masked and the rest of the message is intact
        assertThat(masked).isEqualTo(
                "身份证号4405**********0014校验失败; old=4405*******1001, other: 1101**********103x.");
    }

    @Test
    void shouldLeaveTextWithoutIdNumbersAlone() {
        // Given a message with an error code, a request id and short numbers
        String message = "FailedOperation.ImageBlur (RequestId 3f2b9c1e-0d4a-4e7b-9a51-2c6d8e0f1a2b, 12345678901234)";
        // When it is masked
        String masked = PiiMask.text(message);
        // Then it is unchanged
        assertThat(masked).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://bucket-1250000000.cos.ap-shanghai.myqcloud.com/cards/李明.jpg?sign=q-sign-algorithm%3Dsha1"
                + "|https://bucket-1250000000.cos.ap-shanghai.myqcloud.com/…",
        "http://user:secret@minio.internal:9000/kyc/440524198701010014.png|http://minio.internal:9000/…",
        "https://example.com|https://example.com",
        "https://example.com/|https://example.com/…",
        "'  https://example.com/a#frag  '|https://example.com/…",
        "data:image/jpeg;base64,/9j/4AAQSkZJRg==|data:…",
        "not a url at all|…",
    })
    void shouldKeepOnlySchemeAndHostOfAUrl(String url, String expected) {
        // Given an image URL, possibly signed, with user info, or not a URL at all
        // When it is masked
        String masked = PiiMask.url(url);
        // Then only the scheme and host (and port) remain
        assertThat(masked).isEqualTo(expected);
    }
}
