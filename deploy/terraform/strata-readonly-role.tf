# The read-only role Strata assumes in one scanned account. Apply it with that account's
# credentials (one workspace or provider alias per account); the hub principal must already exist,
# because IAM checks the trust policy's principal when the role is created.
# The permissions come from deploy/iam/strata-readonly-policy.json unchanged, so the JSON file that
# server/sources/aws/permissions.test.ts keeps equal to the code is exactly what gets deployed.

terraform {
  required_version = ">= 1.3"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 4.0"
    }
  }
}

variable "hub_principal_arn" {
  description = "The IAM role (or user) Strata runs as in the hub account, e.g. arn:aws:iam::111122223333:role/strata."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|(role|user)/.+)$", var.hub_principal_arn))
    error_message = "The hub_principal_arn must be an IAM role, user or account-root ARN."
  }
}

variable "external_id" {
  description = "The value of STRATA_AWS_EXTERNAL_ID; AssumeRole without it is refused."
  type        = string
  sensitive   = true

  validation {
    # RE2 caps repetition counts at 1000, so the length is checked apart from the characters.
    condition     = length(var.external_id) >= 2 && length(var.external_id) <= 1224 && can(regex("^[[:alnum:]_+=,.@:/-]+$", var.external_id))
    error_message = "The external_id must be 2 to 1224 letters, digits or _+=,.@:/- characters."
  }
}

variable "role_name" {
  description = "Name of the role; organization mode assumes STRATA_AWS_ROLE_NAME in every account."
  type        = string
  default     = "StrataReadOnly"
}

resource "aws_iam_role" "strata_readonly" {
  name        = var.role_name
  description = "Assumed by Strata to read Amazon Bedrock security posture; read and list actions only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TrustStrataHub"
      Effect    = "Allow"
      Principal = { AWS = var.hub_principal_arn }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
    }]
  })
}

resource "aws_iam_role_policy" "strata_readonly" {
  name   = "StrataReadOnly"
  role   = aws_iam_role.strata_readonly.id
  policy = file("${path.module}/../iam/strata-readonly-policy.json")
}

output "role_arn" {
  description = "Put this in STRATA_AWS_ROLE_ARNS (roles mode)."
  value       = aws_iam_role.strata_readonly.arn
}
