package io.interdict.gateway.investigation;

import io.interdict.audit.record.SignedRecord;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.investigation.CloseInvestigation;
import io.interdict.domain.investigation.InvestigationOutcome;
import io.interdict.domain.investigation.LinkEvidence;
import io.interdict.domain.investigation.OpenInvestigation;
import io.interdict.domain.investigation.RecordInvestigationOutcome;
import io.interdict.gateway.inspection.query.InspectionQueries;
import io.interdict.gateway.investigation.EvidenceCheck.ShareFacts;
import io.interdict.gateway.investigation.query.InvestigationQueries;
import io.interdict.gateway.investigation.query.InvestigationView;
import io.interdict.gateway.partner.PartnerRegistry;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.record.CommandRecords;
import io.interdict.gateway.share.query.ShareQueries;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The investigation lifecycle as the gateway runs it. Before a command is sent: the caller is an
 * enrolled partner (kind, roles and suspension from its own events), the investigation is visible to
 * it (else 404, PRODUCT.md §3), and for evidence every share and inspection exists and is visible to
 * the caller (else 422 naming it) and every share passes EvidenceLinkPolicy. Who may change an
 * investigation (the lead agency only) is left to the aggregate.
 */
@Component
public class Investigations {

    private final PartnerRegistry registry;
    private final InvestigationQueries investigations;
    private final ShareQueries shares;
    private final InspectionQueries inspections;
    private final CommandRecords commands;
    private final JdbcTemplate jdbc;
    private final EvidenceCheck evidenceCheck = new EvidenceCheck();

    Investigations(
            PartnerRegistry registry,
            InvestigationQueries investigations,
            ShareQueries shares,
            InspectionQueries inspections,
            CommandRecords commands,
            JdbcTemplate jdbc) {
        this.registry = registry;
        this.investigations = investigations;
        this.shares = shares;
        this.inspections = inspections;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    public SignedRecord open(String partnerId, String title, List<String> subjects) {
        PartnerProfile caller = caller(partnerId);
        String investigationId = UUID.randomUUID().toString();
        return commands.send(
                investigationId,
                new OpenInvestigation(investigationId, title, subjects == null ? List.of() : subjects, caller.actor()));
    }

    public SignedRecord linkEvidence(
            String partnerId, String investigationId, List<String> shareIds, List<String> inspectionIds) {
        PartnerProfile caller = caller(partnerId);
        InvestigationView investigation = visible(caller, investigationId);
        List<String> shareList = shareIds == null ? List.of() : shareIds;
        List<String> inspectionList = inspectionIds == null ? List.of() : inspectionIds;
        for (String shareId : shareList) {
            if (shares.findVisible(shareId, caller.partnerId(), caller.kind(), null)
                    .isEmpty()) {
                throw new ApiProblemException(
                        ApiProblem.INVALID_INPUT,
                        "shareIds: share " + shareId + " does not exist or is not visible to you");
            }
            evidenceCheck.requireLinkable(facts(shareId), investigation.leadAgency());
        }
        for (String inspectionId : inspectionList) {
            if (inspections
                    .findVisible(inspectionId, caller.partnerId(), caller.kind())
                    .isEmpty()) {
                throw new ApiProblemException(
                        ApiProblem.INVALID_INPUT,
                        "inspectionIds: inspection " + inspectionId + " does not exist or is not visible to you");
            }
        }
        return commands.send(
                investigationId, new LinkEvidence(investigationId, shareList, inspectionList, caller.actor()));
    }

    public SignedRecord recordOutcome(
            String partnerId, String investigationId, InvestigationOutcome outcome, String details) {
        PartnerProfile caller = caller(partnerId);
        visible(caller, investigationId);
        return commands.send(
                investigationId, new RecordInvestigationOutcome(investigationId, outcome, details, caller.actor()));
    }

    public SignedRecord close(String partnerId, String investigationId, String reason) {
        PartnerProfile caller = caller(partnerId);
        visible(caller, investigationId);
        return commands.send(investigationId, new CloseInvestigation(investigationId, reason, caller.actor()));
    }

    private PartnerProfile caller(String partnerId) {
        return registry.find(partnerId)
                .orElseThrow(() ->
                        new ApiProblemException(ApiProblem.NOT_PERMITTED, "partner " + partnerId + " is not enrolled"));
    }

    private InvestigationView visible(PartnerProfile caller, String investigationId) {
        return investigations
                .findVisible(investigationId, caller.partnerId(), caller.kind())
                .orElseThrow(() -> ApiProblemException.notFound("investigation " + investigationId));
    }

    /** The share's facts from the share read model; the share is known to exist there. */
    private ShareFacts facts(String shareId) {
        return jdbc.queryForObject(
                "select provider, marking, audience from share_view where share_id = ?",
                (row, n) -> new ShareFacts(shareId, row.getString(1), Tlp.valueOf(row.getString(2)), Set.of((String[])
                        row.getArray(3).getArray())),
                shareId);
    }
}
