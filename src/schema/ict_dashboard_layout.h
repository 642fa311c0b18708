// The Rijks ICT-dashboard's open-data overview ("Activiteitenoverzicht", ict-projects.md,
// "Formats"): its sheet name and column headers, in order. Written by publish/ict_dashboard and
// read back by importers/ict_dashboard (which matches headers by name, not position). One row per
// activity; dates dd-mm-yyyy as text; amounts in EUR million; class labels verbatim.
#pragma once

#include <cstddef>

namespace jbr::ict_layout {

inline constexpr const char* kSheet = "Activiteitenoverzicht";

inline constexpr const char* kNumber = "Nummer";
inline constexpr const char* kMinistry = "Ministerie";
inline constexpr const char* kMinistryName = "Ministerie (naam)";
inline constexpr const char* kName = "ICT-activiteit";
inline constexpr const char* kStatus = "Status";
inline constexpr const char* kKind = "Soort ICT-activiteit";
inline constexpr const char* kSubjects = "Onderwerp";
inline constexpr const char* kOrganisation = "Organisatie";
inline constexpr const char* kMethod = "Ontwikkelwijze";
inline constexpr const char* kReferenceDate = "Peildatum";
inline constexpr const char* kStartDate = "Startdatum";
inline constexpr const char* kInitialEnd = "Initiële schatting einddatum";
inline constexpr const char* kCurrentEnd = "Actuele schatting einddatum";
inline constexpr const char* kStartYear = "Startjaar";
inline constexpr const char* kCurrentEndYear = "Actueel eindjaar";
inline constexpr const char* kInitialDuration = "Doorlooptijd initieel";
inline constexpr const char* kCurrentDuration = "Actuele doorlooptijd";
inline constexpr const char* kSlipYears = "Verschil initieel en actueel (in jaren)";
inline constexpr const char* kDurationChangePct = "Verschil doorlooptijd (percentage)";
inline constexpr const char* kSlipClass = "Aanpassing einddatum (absoluut)";
inline constexpr const char* kDurationClass = "Aanpassing einddatum (relatief)";
inline constexpr const char* kReasons = "Reden herijking";
inline constexpr const char* kInitialCost = "Initiële schatting meerjarige kosten";
inline constexpr const char* kCurrentCost = "Actuele schatting meerjarige kosten huidige jaar";
inline constexpr const char* kCostClass = "Actuele kostencategorie";
inline constexpr const char* kPreviousCost = "Actuele schatting meerjarige kosten vorig jaar";
inline constexpr const char* kRemainingCost = "Prognose toekomstige kosten";
inline constexpr const char* kInternalEstimate = "Schatting intern personeel";
inline constexpr const char* kInternalSpend = "Realisatie intern personeel";
inline constexpr const char* kExternalEstimate = "Schatting extern personeel";
inline constexpr const char* kExternalSpend = "Realisatie extern personeel";
inline constexpr const char* kOtherEstimate = "Schatting overig materieel";
inline constexpr const char* kOtherSpend = "Realisatie overig materieel";

// Every column, in the order written.
inline constexpr const char* kColumns[] = {kNumber,
                                           kMinistry,
                                           kMinistryName,
                                           kName,
                                           kStatus,
                                           kKind,
                                           kSubjects,
                                           kOrganisation,
                                           kMethod,
                                           kReferenceDate,
                                           kStartDate,
                                           kInitialEnd,
                                           kCurrentEnd,
                                           kStartYear,
                                           kCurrentEndYear,
                                           kInitialDuration,
                                           kCurrentDuration,
                                           kSlipYears,
                                           kDurationChangePct,
                                           kSlipClass,
                                           kDurationClass,
                                           kReasons,
                                           kInitialCost,
                                           kCurrentCost,
                                           kCostClass,
                                           kPreviousCost,
                                           kRemainingCost,
                                           kInternalEstimate,
                                           kInternalSpend,
                                           kExternalEstimate,
                                           kExternalSpend,
                                           kOtherEstimate,
                                           kOtherSpend};
inline constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

}  // namespace jbr::ict_layout
