/**
 * "Model v2" of the HR sample: the same three tables as {@link org.persistenceexplorer.domain.hr},
 * mapped as a developer might change them next — {@code Employee.phone} added, and
 * {@code Employee.title} renamed to {@code jobTitle} (column {@code job_title}). Only the Migrations
 * tab's autogenerate uses it, in a metadata build of its own; the app's Hibernate and every other
 * tab keep the real HR model. Plain mappings, no behaviour.
 */
package org.persistenceexplorer.domain.hr.modelv2;
