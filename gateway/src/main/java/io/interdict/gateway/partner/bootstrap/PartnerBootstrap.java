package io.interdict.gateway.partner.bootstrap;

import io.interdict.config.BootstrapSettings;
import io.interdict.config.bootstrap.BootstrapFile;
import io.interdict.config.bootstrap.BootstrapFile.AgreementEntry;
import io.interdict.config.bootstrap.BootstrapFile.PartnerEntry;
import io.interdict.config.bootstrap.BootstrapFileReader;
import io.interdict.config.bootstrap.InvalidBootstrapFileException;
import io.interdict.domain.agreement.SignSharingAgreement;
import io.interdict.domain.common.Actor;
import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.partner.EnrolPartner;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.startup.InvalidSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Enrols the partners and signs the agreements of the bootstrap file, as ordinary commands and so as
 * events, the first time a gateway starts on a database. Safe to run on every start and on several
 * nodes at once: a partner already enrolled, or an agreement already signed (its id is derived from
 * provider and recipient), is left alone.
 */
@Component
class PartnerBootstrap implements ApplicationRunner {

    /** Bootstrap entries are recorded as the gateway's own doing, not as any partner's. */
    static final Actor GATEWAY = Actor.of("gateway", PartnerKind.OPERATOR);

    private static final Logger log = LoggerFactory.getLogger(PartnerBootstrap.class);

    private final BootstrapSettings settings;
    private final ResourceLoader resources;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final PartnerRegistry registry;

    PartnerBootstrap(
            BootstrapSettings settings,
            ResourceLoader resources,
            CommandGateway commands,
            EventStore eventStore,
            PartnerRegistry registry) {
        this.settings = settings;
        this.resources = resources;
        this.commands = commands;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.location() == null || settings.location().isBlank()) {
            return;
        }
        BootstrapFile file = read(settings.location());
        int enrolled = 0;
        int signed = 0;
        for (PartnerEntry partner : file.partners()) {
            if (registry.find(partner.id()).isPresent()) {
                continue;
            }
            if (createOnce(() -> commands.sendAndWait(
                    new EnrolPartner(partner.id(), partner.kind(), partner.displayName(), partner.roles(), GATEWAY)))) {
                enrolled++;
            }
        }
        for (AgreementEntry agreement : file.agreements()) {
            String agreementId = agreementId(agreement);
            if (eventStore.lastSequenceNumberFor(agreementId).isPresent()) {
                continue;
            }
            if (createOnce(() -> commands.sendAndWait(new SignSharingAgreement(
                    agreementId,
                    agreement.provider(),
                    agreement.recipient(),
                    agreement.kinds(),
                    agreement.maxMarking(),
                    agreement.validFrom(),
                    agreement.validUntil(),
                    GATEWAY)))) {
                signed++;
            }
        }
        if (enrolled + signed > 0) {
            log.info(
                    "Bootstrap file {}: enrolled {} partner(s), signed {} agreement(s)",
                    settings.location(),
                    enrolled,
                    signed);
        }
    }

    /** Bootstrap agreements get a stable id, so a second start or a second node finds them. */
    static String agreementId(AgreementEntry agreement) {
        String name = "interdict-bootstrap-agreement:" + agreement.provider() + "->" + agreement.recipient();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** False when another node (or an earlier, interrupted start) created the aggregate first. */
    private static boolean createOnce(Runnable create) {
        try {
            create.run();
            return true;
        } catch (AggregateStreamCreationException e) {
            return false;
        }
    }

    private BootstrapFile read(String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new InvalidSettingException("interdict.bootstrap.location", "no file at " + location);
        }
        try (InputStream in = resource.getInputStream()) {
            return new BootstrapFileReader().read(in, location);
        } catch (InvalidBootstrapFileException e) {
            throw new InvalidSettingException("interdict.bootstrap.location", e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidSettingException(
                    "interdict.bootstrap.location", "cannot read " + location + " (" + e.getMessage() + ")", e);
        }
    }
}
