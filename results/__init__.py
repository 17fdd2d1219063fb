"""From the meeting to the certificate (issue 16): 会议评审 results computed by the committee's
voting rule, publicity (公示) with objections, approval documents (批文), electronic certificates
with public verification, and the applicant's result query (评审结果查询)."""
