package io.interdict.config.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.interdict.config.bootstrap.BootstrapFile.AgreementEntry;
import io.interdict.config.bootstrap.BootstrapFile.PartnerEntry;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.Tlp;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a bootstrap file (YAML) strictly: unknown fields, unknown enum values, duplicate partners,
 * agreements naming partners that the file does not enrol, and impossible validity windows are
 * refused with a message that names the entry.
 *
 * <pre>
 * partners:
 *   - id: amazon
 *     kind: SIGNAL_PROVIDER
 *     displayName: Amazon marketplace
 *     roles: [MARKETPLACE]
 * agreements:
 *   - provider: amazon
 *     recipient: cbp
 *     kinds: [COUNTERFEIT_PRODUCT, SUSPECT_SHIPMENT]
 *     maxMarking: "TLP:AMBER"
 *     validFrom: 2026-01-01T00:00:00Z
 * </pre>
 */
public final class BootstrapFileReader {

    /** Partner ids are client ids: short, lower-case, URL-safe. */
    static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final ObjectMapper mapper;

    public BootstrapFileReader() {
        SimpleModule markings = new SimpleModule().addDeserializer(Tlp.class, new TlpLabelDeserializer());
        this.mapper = JsonMapper.builder(new YAMLFactory())
                .addModule(new JavaTimeModule())
                .addModule(markings)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public BootstrapFile read(InputStream in, String source) {
        BootstrapFile file;
        try {
            file = mapper.readValue(in, BootstrapFile.class);
        } catch (JsonMappingException e) {
            throw new InvalidBootstrapFileException(
                    source + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidBootstrapFileException(source + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidBootstrapFileException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (file == null) {
            throw new InvalidBootstrapFileException(source + ": is empty; expected 'partners' and 'agreements'");
        }
        validate(file, source);
        return file;
    }

    private static void validate(BootstrapFile file, String source) {
        Map<String, PartnerKind> kinds = new HashMap<>();
        for (int i = 0; i < file.partners().size(); i++) {
            PartnerEntry partner = file.partners().get(i);
            String where = source + ": partners[" + i + "]";
            if (partner.id() == null || !PARTNER_ID.matcher(partner.id()).matches()) {
                throw new InvalidBootstrapFileException(where + ".id: expected lower-case letters, digits and"
                        + " '-' (at most 63), found " + quoted(partner.id()));
            }
            if (partner.kind() == null) {
                throw new InvalidBootstrapFileException(where + ".kind: missing");
            }
            if (partner.displayName() == null || partner.displayName().isBlank()) {
                throw new InvalidBootstrapFileException(where + ".displayName: missing");
            }
            if (kinds.put(partner.id(), partner.kind()) != null) {
                throw new InvalidBootstrapFileException(where + ".id: partner '" + partner.id() + "' is listed twice");
            }
        }
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < file.agreements().size(); i++) {
            AgreementEntry agreement = file.agreements().get(i);
            String where = source + ": agreements[" + i + "]";
            requireEnrolled(kinds, agreement.provider(), where + ".provider");
            requireEnrolled(kinds, agreement.recipient(), where + ".recipient");
            if (agreement.provider().equals(agreement.recipient())) {
                throw new InvalidBootstrapFileException(
                        where + ": provider and recipient are both '" + agreement.provider() + "'");
            }
            if (agreement.kinds().isEmpty()) {
                throw new InvalidBootstrapFileException(where + ".kinds: expected at least one record kind");
            }
            if (agreement.maxMarking() == null) {
                throw new InvalidBootstrapFileException(where + ".maxMarking: missing");
            }
            if (agreement.validFrom() == null) {
                throw new InvalidBootstrapFileException(where + ".validFrom: missing");
            }
            if (agreement.validUntil() != null && !agreement.validUntil().isAfter(agreement.validFrom())) {
                throw new InvalidBootstrapFileException(where + ".validUntil: expected after validFrom "
                        + agreement.validFrom() + ", found " + agreement.validUntil());
            }
            if (!pairs.add(agreement.provider() + "\u0000" + agreement.recipient())) {
                throw new InvalidBootstrapFileException(where + ": a second agreement from '" + agreement.provider()
                        + "' to '" + agreement.recipient() + "'; merge them into one");
            }
        }
    }

    private static void requireEnrolled(Map<String, PartnerKind> kinds, String partnerId, String where) {
        if (partnerId == null) {
            throw new InvalidBootstrapFileException(where + ": missing");
        }
        if (!kinds.containsKey(partnerId)) {
            throw new InvalidBootstrapFileException(
                    where + ": partner '" + partnerId + "' is not among the file's partners " + kinds.keySet());
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    /** Markings are written as in PRODUCT.md ("TLP:AMBER+STRICT"), not as Java constant names. */
    private static final class TlpLabelDeserializer extends StdDeserializer<Tlp> {

        private static final long serialVersionUID = 1L;

        TlpLabelDeserializer() {
            super(Tlp.class);
        }

        @Override
        public Tlp deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String label = parser.getValueAsString();
            try {
                return Tlp.fromLabel(label);
            } catch (DomainRuleViolation e) {
                throw JsonMappingException.from(parser, e.getMessage());
            }
        }
    }
}
