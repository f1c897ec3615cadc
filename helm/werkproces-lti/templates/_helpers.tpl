{{/* Chart name. */}}
{{- define "werkproces-lti.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name. */}}
{{- define "werkproces-lti.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart label. */}}
{{- define "werkproces-lti.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Common labels. */}}
{{- define "werkproces-lti.labels" -}}
helm.sh/chart: {{ include "werkproces-lti.chart" . }}
{{ include "werkproces-lti.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels. */}}
{{- define "werkproces-lti.selectorLabels" -}}
app.kubernetes.io/name: {{ include "werkproces-lti.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of the helm test pod (the NetworkPolicy lets it in). */}}
{{- define "werkproces-lti.testLabels" -}}
app.kubernetes.io/name: {{ include "werkproces-lti.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: helm-test
{{- end }}

{{/* Service account name. */}}
{{- define "werkproces-lti.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "werkproces-lti.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The pod's grace period: the preStop pause, then two shutdown phases (grade worker, web server), plus a margin. */}}
{{- define "werkproces-lti.terminationGracePeriodSeconds" -}}
{{- add (int .Values.shutdown.preStopSleepSeconds) (mul 2 (int .Values.shutdown.phaseTimeoutSeconds)) 10 }}
{{- end }}
