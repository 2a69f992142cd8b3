package io.interdict.gateway.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.interdict.domain.common.DomainRuleViolation;
import io.interdict.domain.common.Tlp;
import java.io.IOException;

/**
 * How domain value types look in JSON, in the event store and on the wire alike: a TLP marking is
 * written as its label ("TLP:AMBER+STRICT", PRODUCT.md §3), never as a Java constant name. The
 * domain stays free of Jackson; the mapping lives here.
 */
public final class DomainJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public DomainJacksonModule() {
        super("interdict-domain");
        addSerializer(Tlp.class, new JsonSerializer<>() {
            @Override
            public void serialize(Tlp value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.label());
            }
        });
        addDeserializer(Tlp.class, new JsonDeserializer<>() {
            @Override
            public Tlp deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    return (Tlp) context.handleUnexpectedToken(Tlp.class, parser);
                }
                String text = parser.getText();
                try {
                    return Tlp.fromLabel(text);
                } catch (DomainRuleViolation e) {
                    // The rule travels as the cause: a refusal answers in its words (Problems).
                    InvalidFormatException refused =
                            InvalidFormatException.from(parser, e.getMessage(), text, Tlp.class);
                    refused.initCause(e);
                    throw refused;
                }
            }
        });
    }
}
