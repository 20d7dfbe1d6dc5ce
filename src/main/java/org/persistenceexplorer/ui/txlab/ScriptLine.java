package org.persistenceexplorer.ui.txlab;

import org.persistenceexplorer.service.txlab.Step;
import org.persistenceexplorer.service.txlab.StepResult;

/**
 * One line of the guided script as the list shows it: the step, what to look for, and its
 * result once run (null before). Immutable.
 *
 * @param number 1-based
 * @param next   true for the step the Step button runs next
 */
public record ScriptLine(int number, Step step, StepResult result, boolean next) {
}
