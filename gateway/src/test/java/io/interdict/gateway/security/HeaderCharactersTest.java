package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class HeaderCharactersTest {

    /** Spring Security's default rule, as StrictHttpFirewall compiles it. */
    static final Pattern DEFAULT_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void answersLikeTheDefaultRuleForEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String value = "a" + new String(Character.toChars(codePoint)) + "z";
            assertThat(HeaderCharacters.assignedAndNotControl(value))
                    .as("U+%04X", codePoint)
                    .isEqualTo(DEFAULT_RULE.matcher(value).matches());
        }
    }

    @Test
    void answersLikeTheDefaultRuleForRandomStringsWithLoneSurrogates() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(8)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(4) == 0
                        ? (char) (0xD800 + random.nextInt(0x800))
                        : (char) random.nextInt(0x10000);
            }
            String value = new String(chars);
            assertThat(HeaderCharacters.assignedAndNotControl(value))
                    .as("%s", value.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(DEFAULT_RULE.matcher(value).matches());
        }
    }

    @Test
    void theFirewallStillRejectsAControlCharacterInAHeaderValue() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/feed");
        request.addHeader("Authorization", "Bearer abc\u0007def");

        var firewalled = HeaderCharacters.firewall().getFirewalledRequest(request);

        assertThatThrownBy(() -> firewalled.getHeader("Authorization")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void theFirewallPassesAnOrdinaryBearerToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/feed");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbWF6b24ifQ.c2ln");

        assertThat(HeaderCharacters.firewall().getFirewalledRequest(request).getHeader("Authorization"))
                .startsWith("Bearer ");
    }
}
