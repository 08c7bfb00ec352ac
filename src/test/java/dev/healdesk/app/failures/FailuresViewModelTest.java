package dev.healdesk.app.failures;

import dev.healdesk.app.Fixtures;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresViewModelTest {
    private final TestResult customers = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
    private final TestResult orders = Fixtures.failed("modules/orders", "FATAL: remaining connection slots");
    private final TestResult login = Fixtures.failed("modules/login-page", "locator('#login-button') resolved to 0");
    private final FailureGroup db = Fixtures.dbPool(customers, orders);
    private final FailureGroup ui = Fixtures.selector(login);
    private final RunSummary run = Fixtures.summary("run-7",
            List.of(Fixtures.passed("health/api-health"), customers, orders, login),
            List.of(ui, db), List.of(Fixtures.skipped(db)));

    private final FailuresViewModel vm = new FailuresViewModel();

    @Test
    void beforeAnyRunTheScreenSaysWhereToGo() {
        assertTrue(vm.groups().isEmpty());
        assertNull(vm.detailProperty().get());
        assertTrue(vm.summaryTextProperty().get().contains("Run screen"));
    }

    @Test
    void showsOneRowPerFingerprintMostSevereFirstAndSelectsIt() {
        vm.show(run);
        assertEquals(List.of(db, ui), vm.groups());
        assertEquals(Category.DATABASE, vm.groups().get(0).category());
        assertEquals(FixClass.A, vm.groups().get(0).fixClass());
        assertEquals(FixClass.B, vm.groups().get(1).fixClass());
        assertEquals(db, vm.selectedProperty().get());
        assertEquals("run-7", vm.runIdProperty().get());
        assertEquals("Run run-7 · 2 failure group(s) · 3 failing test(s) of 4", vm.summaryTextProperty().get());
        assertEquals("contracts/customers, modules/orders", FailuresViewModel.testsOf(db));
        assertEquals("FATAL: remaining connection slots are reserved", FailuresViewModel.firstLine(db.message()));
    }

    @Test
    void theDetailHasTheFullMessageStackTestsAndTheRecordedDecision() {
        vm.show(run);
        FailureDetail d = vm.detailProperty().get();
        assertEquals("fp-db-1234", d.fingerprint());
        assertEquals(db.message(), d.message());
        assertEquals("at db.Pool.get\nat api.Customers", d.stackTop());
        assertEquals(List.of("contracts/customers", "modules/orders"), d.tests());
        assertEquals("restart-db-pool", d.playbook());
        assertEquals(1, d.actions().size());
        assertTrue(d.actions().get(0).startsWith("restart-db-pool (class A): skipped"), d.actions().get(0));
        assertTrue(d.title().startsWith("database / high · class A"), d.title());
        assertEquals("skipped", vm.decisionOf(db));
        assertEquals("not proposed", vm.decisionOf(ui));

        vm.selectedProperty().set(ui);
        assertEquals("fp-ui-5678", vm.detailProperty().get().fingerprint());
        assertTrue(vm.detailProperty().get().actions().isEmpty());
    }

    @Test
    void aCleanRunEmptiesTheTable() {
        vm.show(run);
        vm.show(Fixtures.summary("run-8", List.of(Fixtures.passed("health/api-health")), List.of(), List.of()));
        assertTrue(vm.groups().isEmpty());
        assertNull(vm.selectedProperty().get());
        assertNull(vm.detailProperty().get());
        assertEquals("Run run-8 had no failures.", vm.summaryTextProperty().get());
    }
}
