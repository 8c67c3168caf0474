import "server-only";
import type { Alarm } from "@/server/inventory/audit";

/** A metric alarm on the namespace, or a metric-math alarm reading from it. */
export const watchesNamespace = (a: Alarm, namespace: string) =>
  a.namespace === namespace || a.metricNamespaces.includes(namespace);

/** An alarm that notifies someone: actions enabled and at least one action on ALARM. */
export const actionable = (a: Alarm) => a.actionsEnabled && a.alarmActions.length > 0;

export function alarmExcerpt(a: Alarm) {
  return {
    alarmName: a.alarmName,
    namespace: a.namespace ?? null,
    metricName: a.metricName ?? null,
    metricNamespaces: a.metricNamespaces,
    actionsEnabled: a.actionsEnabled,
    alarmActions: a.alarmActions,
    stateValue: a.stateValue,
  };
}
