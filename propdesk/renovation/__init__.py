"""Renovation permits (装修管理): application, approval, inspections, acceptance, deposit refund."""
