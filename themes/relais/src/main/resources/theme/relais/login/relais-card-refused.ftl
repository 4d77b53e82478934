<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- Shown when a presented card cannot sign the professional in, or when no card came where the card is the
     only way in; the message says why. The other-means button only where the flow has other means. -->
<@layout.registrationLayout displayMessage=true ; section>
    <#if section = "header">
        ${msg(relaisCardTitle!"relais.card.refused")}
    <#elseif section = "form">
        <p id="relais-card-refusal" data-reason="${relaisCardRefusal!''}">${msg(relaisCardRefusal!"relais.card.refused")}</p>
        <#if relaisOtherMeans!true>
        <form id="relais-other-means-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="relais-other-means" name="other-means" label="relais.card.useOtherMeans" type="secondary"/>
            </@buttons.actionGroup>
        </form>
        </#if>
    </#if>
</@layout.registrationLayout>
