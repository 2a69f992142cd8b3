package io.interdict.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.canonical.Jcs;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShareBodiesTest {

    static List<ShareBodies.Body> generate(int count) {
        ShareBodies bodies = new ShareBodies(new Random(1));
        return IntStream.range(0, count).mapToObj(i -> bodies.next()).toList();
    }

    @Test
    void bodiesStayWithinTheDemoAgreements() {
        for (ShareBodies.Body body : generate(500)) {
            JsonNode json = body.json();
            assertThat(json.get("marking").asText()).isIn("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER");
            json.get("audience").forEach(r -> assertThat(r.asText()).isIn("ipr-center", "cbp"));
            assertThat(json.get("confidence").asInt()).isBetween(0, 100);
            json.get("evidence")
                    .forEach(e -> assertThat(e.get("sha256").asText()).matches("[0-9a-f]{64}"));
            assertThat(json.get("subject").get("portOfEntry").asText()).matches("US[A-Z]{3}");
        }
    }

    @Test
    void bodiesVaryInSellerTrackingPortAndKind() {
        List<ShareBodies.Body> bodies = generate(200);
        Set<String> sellers = new HashSet<>();
        Set<String> ports = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Set<String> canonical = new HashSet<>();
        for (ShareBodies.Body body : bodies) {
            sellers.add(body.json().get("subject").get("sellerAccount").asText());
            ports.add(body.json().get("subject").get("portOfEntry").asText());
            kinds.add(body.json().get("kind").asText());
            canonical.add(Jcs.canonicalString(body.json()));
        }
        assertThat(sellers).hasSize(200);
        assertThat(canonical).hasSize(200);
        assertThat(ports.size()).isGreaterThan(5);
        assertThat(kinds).hasSize(5);
    }

    @Test
    void theConsumerSeesPublicMarkingsAndAmberOnlyWhenInTheAudience() {
        for (ShareBodies.Body body : generate(500)) {
            String marking = body.json().get("marking").asText();
            boolean inAudience = false;
            for (JsonNode r : body.json().get("audience")) {
                inAudience |= r.asText().equals(ShareBodies.CONSUMER);
            }
            assertThat(body.visibleToConsumer()).isEqualTo(!marking.equals("TLP:AMBER") || inAudience);
        }
        assertThat(generate(500).stream().filter(b -> !b.visibleToConsumer())).isNotEmpty();
    }

    @Test
    void feedPagesAreCountedWithoutBindingTheRecords() throws Exception {
        byte[] page = "{\"records\":[{\"a\":{\"b\":[1,2]}},{\"c\":1}],\"next\":\"Mg\"}".getBytes();
        assertThat(GatewayLoad.Page.read(page)).isEqualTo(new GatewayLoad.Page(2, "Mg"));
        assertThat(GatewayLoad.Page.read("{\"records\":[],\"next\":null}".getBytes()))
                .isEqualTo(new GatewayLoad.Page(0, null));
    }
}
