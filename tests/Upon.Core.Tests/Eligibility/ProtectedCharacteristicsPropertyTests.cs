using System;
using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>Protected characteristics are for monitoring only: they never change a decision and never show.</summary>
public sealed class ProtectedCharacteristicsPropertyTests
{
    [Property]
    public Property Decide_WhateverMonitoringAnswersComeWithTheApplication_GivesTheSameDecision() =>
        Prop.ForAll(EligibilityGenerators.MonitoredApplications(), pair =>
        {
            (EligibilityPolicy policy, MonitoredApplication submitted) = pair;
            EligibilityDecision[] decisions = [.. submitted.Answers.Select(answers => Decide(policy, submitted.Application, answers))];

            foreach (EligibilityDecision decision in decisions)
            {
                Assert.Equal(decisions[0], decision);
                Assert.Equal(decisions[0].Explanation.Message, decision.Explanation.Message);
            }
        });

    [Property]
    public Property EqualityMonitoringToString_NeverContainsAnAnswer() =>
        Prop.ForAll(EligibilityGenerators.EqualityMonitorings(), answers =>
        {
            string text = answers.ToString();

            foreach (string? answer in new[] { answers.Ethnicity, answers.Disability, answers.Sex, answers.AgeBand, answers.Religion, answers.SexualOrientation })
            {
                if (answer is not null)
                {
                    Assert.DoesNotContain(answer, text, StringComparison.OrdinalIgnoreCase);
                }
            }
        });

    [Fact]
    public void DecidingTypes_HaveNoPublicMemberThatTakesOrGivesMonitoringAnswers()
    {
        Type[] deciding =
        [
            typeof(Application), typeof(Role), typeof(EligibilityPolicy), typeof(PolicyRegistry), typeof(EligibilityRule),
            typeof(ExperienceRule), typeof(ReadinessRule), typeof(StatementRule), typeof(AssessorOutcomeRule),
            typeof(AllRule), typeof(AnyRule), typeof(NotRule), typeof(EffectiveExperience), typeof(EligibilityDecision), typeof(CriterionResult),
        ];

        foreach (Type type in deciding)
        {
            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                Type[] mentioned = member switch
                {
                    MethodBase method => [.. method.GetParameters().Select(p => p.ParameterType), .. method is MethodInfo m ? [m.ReturnType] : Array.Empty<Type>()],
                    PropertyInfo property => [property.PropertyType],
                    FieldInfo field => [field.FieldType],
                    _ => [],
                };
                Assert.DoesNotContain(typeof(EqualityMonitoring), mentioned.Select(t => t.IsByRef ? t.GetElementType()! : t));
            }
        }
    }

    /// <summary>What an applicant submits: the application, and the monitoring answers kept apart from it. Only the application reaches the policy.</summary>
    private static EligibilityDecision Decide(EligibilityPolicy policy, Application application, EqualityMonitoring answers)
    {
        Assert.NotNull(answers);
        return policy.Decide(application);
    }
}
